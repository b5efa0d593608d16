package org.loopcrm.crm.rest.internal;

import org.loopcrm.crm.api.sales.OpportunityService;
import org.loopcrm.crm.api.sales.PipelineService;

/**
 * The services behind the sales resources, passed as one argument so the servlet's constructor
 * grows by one parameter only.
 */
record SalesServices(PipelineService pipelines, OpportunityService opportunities) {}
