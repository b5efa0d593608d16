package org.loopcrm.crm.rest.internal;

import org.loopcrm.crm.api.assignment.AssignmentService;
import org.loopcrm.crm.api.lead.LeadService;
import org.loopcrm.crm.api.servicecase.CaseService;

/**
 * The services behind assignment rules and the records they assign (leads, cases), passed as one
 * argument so the servlet's constructor grows by one parameter only.
 */
record LeadServices(AssignmentService assignment, LeadService leads, CaseService cases) {}
