package org.loopcrm.crm.rest.internal;

import org.loopcrm.crm.api.assignment.AssignmentService;
import org.loopcrm.crm.api.lead.LeadService;

/**
 * The services behind assignment rules and leads, passed as one argument so the servlet's
 * constructor grows by one parameter only.
 */
record LeadServices(AssignmentService assignment, LeadService leads) {}
