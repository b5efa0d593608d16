package org.loopcrm.crm.rest.internal;

import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.eto.EngineeringService;
import org.loopcrm.crm.api.quote.QuoteRenderer;
import org.loopcrm.crm.api.quote.QuoteService;
import org.loopcrm.crm.api.sales.ForecastService;
import org.loopcrm.crm.api.sales.OpportunityService;
import org.loopcrm.crm.api.sales.PipelineService;

/**
 * The services behind the sales resources, passed as one argument so the servlet's constructor
 * grows by one parameter only.
 */
record SalesServices(
    PipelineService pipelines,
    OpportunityService opportunities,
    QuoteService quotes,
    QuoteRenderer renderer,
    AccountService accounts,
    ForecastService forecasts,
    EngineeringService engineering) {}
