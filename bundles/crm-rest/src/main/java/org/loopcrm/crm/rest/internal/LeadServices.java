package org.loopcrm.crm.rest.internal;

import org.loopcrm.crm.api.assignment.AssignmentService;

/**
 * The services behind assignment rules and leads, passed as one argument so the servlet's
 * constructor grows by one parameter only.
 */
record LeadServices(AssignmentService assignment) {}
