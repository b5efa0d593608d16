package org.loopcrm.crm.rest.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import java.util.List;
import javax.servlet.ServletConfig;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.loopcrm.crm.api.access.ShareService;
import org.loopcrm.crm.api.access.TeamService;
import org.loopcrm.crm.api.account.AccountService;
import org.loopcrm.crm.api.audit.AuditService;
import org.loopcrm.crm.api.dataimport.Importer;
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
  private final transient AccountService accounts;
  private final transient AuditService audit;
  private final transient WebhookService webhooks;
  private final transient TeamService teams;
  private final transient ShareService shares;
  private final transient PrivacyService privacy;
  private final transient RelationshipService relationships;
  private final transient PartyService parties;
  private final transient ActivityServices activity;
  private final transient Authenticator authenticator;
  private final long maxBodyBytes;
  private final transient Importer importer;
  private final long maxImportBytes;
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
      Authenticator authenticator,
      long maxBodyBytes) {
    this(
        accounts,
        audit,
        webhooks,
        teams,
        shares,
        privacy,
        relationships,
        parties,
        activity,
        authenticator,
        maxBodyBytes,
        null,
        maxBodyBytes);
  }

  /** With the importer behind {@code /imports} and its upload limit. */
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
      Authenticator authenticator,
      long maxBodyBytes,
      Importer importer,
      long maxImportBytes) {
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
            new AccountResource(accounts, audit, shares),
            new TeamResource(teams),
            new UserResource(teams),
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
            new PingResource(),
            new OpenApiResource(),
            new ImportResource(importer)));
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
