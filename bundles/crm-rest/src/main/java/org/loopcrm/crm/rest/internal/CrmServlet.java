package org.loopcrm.crm.rest.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import javax.servlet.ServletConfig;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.loopcrm.crm.api.access.ShareService;
import org.loopcrm.crm.api.access.TeamService;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.audit.AuditService;
import org.loopcrm.crm.api.dataexport.ExportService;
import org.loopcrm.crm.api.dataimport.Importer;
import org.loopcrm.crm.api.dedupe.DuplicateService;
import org.loopcrm.crm.api.integration.IntegrationService;
import org.loopcrm.crm.api.lifecycle.LifecycleService;
import org.loopcrm.crm.api.merge.MergeService;
import org.loopcrm.crm.api.party.PartyService;
import org.loopcrm.crm.api.privacy.PrivacyService;
import org.loopcrm.crm.api.relationship.RelationshipService;
import org.loopcrm.crm.api.webhook.WebhookService;

/**
 * The CXF servlet behind {@code /crm/api}: when the HTTP service initialises it, it publishes the
 * JAX-RS resources at {@code /v1} on its own CXF bus.
 */
final class CrmServlet extends CXFNonSpringServlet {
  private static final long serialVersionUID = 1L;
  private final transient MergeService merges;
  private final transient AccountService accounts;
  private final transient AuditService audit;
  private final transient WebhookService webhooks;
  private final transient TeamService teams;
  private final transient ShareService shares;
  private final transient PrivacyService privacy;
  private final transient RelationshipService relationships;
  private final transient PartyService parties;
  private final transient ActivityServices activity;
  private final transient LifecycleService lifecycle;
  private final transient MasterDataServices masterData;
  private final transient DuplicateService duplicates;
  private final transient ExportService exports;
  private final transient Authenticator authenticator;
  private final long maxBodyBytes;
  private final transient Importer importer;
  private final long maxImportBytes;
  private final transient ErpServices erp;
  private final transient SalesServices sales;
  private final transient Supplier<IntegrationService> integration;
  private final transient CtoServices cto;
  private final transient LeadServices leads;
  private transient Server server;

  CrmServlet(
      AccountService accounts,
      AuditService audit,
      WebhookService webhooks,
      TeamService teams,
      ShareService shares,
      PrivacyService privacy,
      RelationshipService relationships,
      PartyService parties,
      ActivityServices activity,
      LifecycleService lifecycle,
      MasterDataServices masterData,
      DuplicateService duplicates,
      ExportService exports,
      Authenticator authenticator,
      long maxBodyBytes,
      MergeService merges,
      Importer importer,
      long maxImportBytes,
      ErpServices erp,
      SalesServices sales,
      Supplier<IntegrationService> integration,
      CtoServices cto,
      LeadServices leads) {
    this.cto = cto;
    this.leads = leads;
    this.erp = erp;
    this.sales = sales;
    this.integration = integration;
    this.merges = merges;
    this.importer = importer;
    this.maxImportBytes = maxImportBytes;
    this.accounts = accounts;
    this.audit = audit;
    this.webhooks = webhooks;
    this.teams = teams;
    this.shares = shares;
    this.privacy = privacy;
    this.relationships = relationships;
    this.parties = parties;
    this.activity = activity;
    this.lifecycle = lifecycle;
    this.masterData = masterData;
    this.duplicates = duplicates;
    this.exports = exports;
    this.authenticator = authenticator;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void loadBus(ServletConfig config) {
    super.loadBus(config);
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
    factory.setBus(getBus());
    factory.setAddress("/v1");
    factory.setServiceBeans(
        List.of(
            new AccountResource(accounts, audit, shares, duplicates),
            new TeamResource(teams),
            new UserResource(teams, leads.assignment()),
            new AuditResource(audit),
            new WebhookResource(webhooks),
            new ConsentResource(accounts, privacy),
            new PrivacyResource(privacy),
            new HierarchyResource(relationships),
            new RelationshipResource(relationships),
            new AccountMechanismResource(parties),
            new ContactMechanismResource(parties),
            new AccountRoleResource(parties),
            new ContactRoleResource(parties),
            new AccountExternalRefResource(parties),
            new ContactExternalRefResource(parties),
            new AccountTagResource(parties),
            new PartyResource(parties),
            new ActivityResource(activity.activities()),
            new TimelineResource(activity.timeline()),
            new NotificationResource(activity.notifications()),
            new LifecycleResource(lifecycle),
            new AccountLifecycleResource(lifecycle, accounts),
            new AccountErpResource(erp.accounts(), erp.live(), erp.commands()),
            new ErpResource(erp),
            new IntegrationResource(integration),
            new CustomFieldResource(masterData.customFields()),
            new SearchResource(masterData.search()),
            new DuplicateResource(duplicates),
            new MergeResource(merges),
            new AccountExportResource(exports, Clock.systemUTC()),
            new ContactExportResource(exports, Clock.systemUTC()),
            new PingResource(),
            new OpenApiResource(),
            new ImportResource(importer),
            new PipelineResource(sales.pipelines()),
            new OpportunityResource(sales.opportunities()),
            new QuoteResource(sales),
            new OpportunityQuoteResource(sales),
            new ForecastResource(sales.forecasts()),
            new QuotaResource(sales.forecasts()),
            new ProductModelResource(cto.models(), cto.configurator()),
            new ConfigurationResource(cto.configurator()),
            new AssignmentRuleResource(leads.assignment()),
            new AssignmentResource(leads.assignment()),
            new LeadResource(leads.leads(), leads.assignment(), shares),
            new CaseResource(leads.cases(), audit, shares),
            new LeadFormResource(leads.leads()),
            new LeadScoringRuleResource(leads.leads()),
            new PublicLeadResource(leads.leads(), new RateLimiter(System::nanoTime)),
            new EngineeringResource(sales)));
    factory.setProviders(
        List.of(
            new JacksonJsonProvider(mapper),
            new ProblemMapper(),
            new BasicAuthFilter(authenticator, maxBodyBytes, maxImportBytes)));
    server = factory.create();
  }

  @Override
  public void destroyBus() {
    if (server != null) {
      server.destroy();
      server = null;
    }
    super.destroyBus();
  }
}
