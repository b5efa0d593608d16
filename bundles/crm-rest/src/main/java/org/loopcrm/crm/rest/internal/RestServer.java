package org.loopcrm.crm.rest.internal;

import java.util.Hashtable;
import javax.servlet.Servlet;
import org.loopcrm.crm.api.access.ShareService;
import org.loopcrm.crm.api.access.TeamService;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.activity.ActivityService;
import org.loopcrm.crm.api.activity.NotificationService;
import org.loopcrm.crm.api.activity.TimelineService;
import org.loopcrm.crm.api.assignment.AssignmentService;
import org.loopcrm.crm.api.audit.AuditService;
import org.loopcrm.crm.api.cto.ConfiguratorService;
import org.loopcrm.crm.api.cto.ProductModelService;
import org.loopcrm.crm.api.customfield.CustomFieldService;
import org.loopcrm.crm.api.dataexport.ExportService;
import org.loopcrm.crm.api.dataimport.Importer;
import org.loopcrm.crm.api.dedupe.DuplicateService;
import org.loopcrm.crm.api.erp.ErpAccountService;
import org.loopcrm.crm.api.erp.ErpCommandService;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.ErpLiveService;
import org.loopcrm.crm.api.eto.EngineeringService;
import org.loopcrm.crm.api.integration.IntegrationService;
import org.loopcrm.crm.api.lead.LeadService;
import org.loopcrm.crm.api.lifecycle.LifecycleService;
import org.loopcrm.crm.api.merge.MergeService;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.api.privacy.PrivacyService;
import org.loopcrm.crm.api.quote.QuoteRenderer;
import org.loopcrm.crm.api.quote.QuoteService;
import org.loopcrm.crm.api.relationship.RelationshipService;
import org.loopcrm.crm.api.sales.ForecastService;
import org.loopcrm.crm.api.sales.OpportunityService;
import org.loopcrm.crm.api.sales.PipelineService;
import org.loopcrm.crm.api.search.SearchService;
import org.loopcrm.crm.api.servicecase.CaseService;
import org.loopcrm.crm.api.webhook.WebhookService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the REST API: registers the CXF servlet on the OSGi HTTP whiteboard under {@code
 * /crm/api/*} while the account, audit, webhook and privacy services are there. A configuration
 * change republishes it.
 */
@Component(
    immediate = true,
    configurationPid = "crm.rest",
    service = {})
@Designate(ocd = RestConfiguration.class)
public final class RestServer {
  static final String PATTERN = "/crm/api/*";
  private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
  private final ServiceRegistration<Servlet> registration;

  /** The routes' operations, there while the crm-routes bundle runs; the API works without. */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile IntegrationService integration;

  /** Registers the servlet. */
  @Activate
  public RestServer(
      BundleContext context,
      @Reference AccountService accounts,
      @Reference AuditService audit,
      @Reference WebhookService webhooks,
      @Reference TeamService teams,
      @Reference ShareService shares,
      @Reference PrivacyService privacy,
      @Reference RelationshipService relationships,
      @Reference PartyService parties,
      @Reference ActivityService activities,
      @Reference TimelineService timeline,
      @Reference NotificationService notifications,
      @Reference LifecycleService lifecycle,
      @Reference CustomFieldService customFields,
      @Reference SearchService search,
      @Reference DuplicateService duplicates,
      @Reference MergeService merges,
      @Reference ExportService exports,
      @Reference Importer importer,
      @Reference ErpAccountService erpAccounts,
      @Reference ErpFactService erpFacts,
      @Reference ErpLiveService erpLive,
      @Reference ErpCommandService erpCommands,
      @Reference PipelineService pipelines,
      @Reference OpportunityService opportunities,
      @Reference QuoteService quotes,
      @Reference QuoteRenderer quoteRenderer,
      @Reference ForecastService forecasts,
      @Reference ProductModelService productModels,
      @Reference ConfiguratorService configurator,
      @Reference AssignmentService assignment,
      @Reference LeadService leads,
      @Reference CaseService cases,
      @Reference EngineeringService engineering,
      RestConfiguration config) {
    Hashtable<String, Object> props = new Hashtable<>();
    props.put("osgi.http.whiteboard.servlet.pattern", PATTERN);
    props.put("osgi.http.whiteboard.servlet.name", "crm-rest");
    props.put("servlet.init.hide-service-list-page", "true");
    Authenticator auth = new JaasAuthenticator(config.realm(), config.authCacheSeconds());
    registration =
        context.registerService(
            Servlet.class,
            new CrmServlet(
                accounts,
                audit,
                webhooks,
                teams,
                shares,
                privacy,
                relationships,
                parties,
                new ActivityServices(activities, timeline, notifications),
                lifecycle,
                new MasterDataServices(customFields, search),
                duplicates,
                exports,
                auth,
                config.maxBodyBytes(),
                merges,
                importer,
                config.maxImportBytes(),
                new ErpServices(erpAccounts, erpFacts, erpLive, erpCommands),
                new SalesServices(
                    pipelines,
                    opportunities,
                    quotes,
                    quoteRenderer,
                    accounts,
                    forecasts,
                    engineering),
                () -> integration,
                new CtoServices(productModels, configurator),
                new LeadServices(assignment, leads, cases)),
            props);
    LOG.info("REST API published at /crm/api/v1 (realm {})", config.realm());
  }

  /** Withdraws the servlet. */
  @Deactivate
  public void deactivate() {
    registration.unregister();
  }
}
