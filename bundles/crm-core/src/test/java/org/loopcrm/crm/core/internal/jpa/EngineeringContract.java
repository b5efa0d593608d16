package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.ErpCommandRequest;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.erp.port.DocumentRef;
import org.loopcrm.crm.api.erp.port.ProjectTask;
import org.loopcrm.crm.api.eto.Attachment;
import org.loopcrm.crm.api.eto.AttachmentContent;
import org.loopcrm.crm.api.eto.BomStatus;
import org.loopcrm.crm.api.eto.CostCategory;
import org.loopcrm.crm.api.eto.CostLine;
import org.loopcrm.crm.api.eto.EngineeringRequest;
import org.loopcrm.crm.api.eto.EngineeringService;
import org.loopcrm.crm.api.eto.EngineeringStatus;
import org.loopcrm.crm.api.eto.EngineeringTask;
import org.loopcrm.crm.api.eto.EstimateDraft;
import org.loopcrm.crm.api.eto.Feasibility;
import org.loopcrm.crm.api.eto.SpecificationDraft;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.api.quote.QuoteStatus;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityDraft;
import org.loopcrm.crm.api.sales.OpportunityType;
import org.loopcrm.crm.api.sales.StageKind;
import org.loopcrm.crm.core.internal.erp.ErpLiveAccess;
import org.loopcrm.crm.core.internal.jpa.CrmServicesContract.MutableClock;

/** Engineer-to-order (decisions.md §34), on each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineeringContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);

  private final MutableClock clock = new MutableClock();
  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaOpportunityService opportunities;
  private JpaQuoteService quotes;
  private JpaEngineeringService engineering;
  private JpaErpCommandService commands;
  private JpaOutboxService outbox;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    clock.set(Instant.parse("2026-11-23T10:00:00Z"));
    accounts = new JpaAccountService(emf, clock);
    ErpLiveAccess erp = new ErpLiveAccess(accounts, clock);
    AccessPolicy policy = AccessPolicy.privateAccess();
    opportunities =
        new JpaOpportunityService(emf, clock, policy, SalesPolicy.defaults(), erp.service());
    quotes = new JpaQuoteService(emf, clock, policy, SalesPolicy.defaults(), erp.service());
    engineering =
        new JpaEngineeringService(emf, clock, policy, SalesPolicy.defaults(), erp.service());
    commands = new JpaErpCommandService(emf, clock, policy);
    outbox = new JpaOutboxService(emf, clock);
  }

  @AfterAll
  void closeDatabase() {
    emf.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Actor user(Role role) {
    return new Actor(unique(role.realmName()), Set.of(role), Actor.Channel.REST);
  }

  private Account account(Actor owner) {
    return accounts.create(
        owner, new AccountDraft(unique("Eto"), null, null, owner.user(), LifecycleStage.PROSPECT));
  }

  private Opportunity opportunity(Actor sales, Account a, OpportunityType type) {
    OpportunityDraft d =
        OpportunityDraft.of(a.id(), "Special press", LocalDate.parse("2027-03-31"));
    return opportunities.create(
        sales,
        new OpportunityDraft(
            d.accountId(),
            null,
            d.name(),
            type,
            null,
            null,
            null,
            null,
            null,
            null,
            d.closeDate(),
            null,
            null,
            null,
            "A 40 t press for line 2",
            null,
            null));
  }

  private static CostLine cost(CostCategory c, String qty, String unit) {
    return new CostLine(c, c.name().toLowerCase(), new BigDecimal(qty), new BigDecimal(unit));
  }

  /** A request specified, judged feasible by a manager and estimated: 1 000 cost, 25 % margin. */
  private EngineeringRequest estimated(Actor sales, Opportunity o) {
    EngineeringRequest r = engineering.ofOpportunity(sales, o.id());
    r =
        engineering.specify(
            sales,
            r.id(),
            r.version(),
            new SpecificationDraft("PRESS-40", new BigDecimal("2"), "40 t, 1.2 m table"));
    r = engineering.decideFeasibility(ADMIN, r.id(), r.version(), Feasibility.FEASIBLE, null);
    return engineering.estimate(
        sales,
        r.id(),
        r.version(),
        new EstimateDraft(
            List.of(
                cost(CostCategory.MATERIAL, "2", "300"),
                cost(CostCategory.LABOUR, "4", "50"),
                cost(CostCategory.SUBCONTRACT, "1", "150.5"),
                cost(CostCategory.OVERHEAD, "1", "49.5")),
            new BigDecimal("25")));
  }

  @Test
  void anEngineerToOrderOpportunityOpensItsRequestAndAStandardOneDoesNot() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Opportunity o = opportunity(sales, a, OpportunityType.ENGINEER_TO_ORDER);
    EngineeringRequest r = engineering.ofOpportunity(sales, o.id());
    assertThat(r.status()).isEqualTo(EngineeringStatus.OPEN);
    assertThat(r.accountId()).isEqualTo(a.id());
    assertThat(r.specification()).isEqualTo("A 40 t press for line 2");
    assertThat(r.quantity()).isEqualByComparingTo("1");
    assertThat(r.productCode()).isNull();
    assertThat(engineering.get(sales, r.id())).isEqualTo(r);
    assertThat(
            outbox.pending(100_000).stream()
                .filter(e -> e.aggregateId().equals(r.id().toString()))
                .map(OutboxEvent::type))
        .containsExactly("engineering-request.opened");

    Opportunity standard = opportunity(sales, a, OpportunityType.STANDARD);
    assertThatThrownBy(() -> engineering.ofOpportunity(sales, standard.id()))
        .isInstanceOf(NotFoundException.class);
    // Someone who cannot see the account cannot see the request either.
    assertThatThrownBy(() -> engineering.get(user(Role.CRM_SALES), r.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                engineering.specify(
                    sales,
                    r.id(),
                    r.version() + 1,
                    new SpecificationDraft("X", BigDecimal.ONE, null)))
        .isInstanceOf(StaleVersionException.class);
    ValidationException bad =
        (ValidationException)
            catchThrowable(
                () ->
                    engineering.specify(
                        sales,
                        r.id(),
                        r.version(),
                        new SpecificationDraft("X".repeat(101), new BigDecimal("0"), null)));
    assertThat(bad.errors()).extracting(e -> e.field()).containsExactly("productCode", "quantity");
  }

  @Test
  void feasibilityIsEngineeringsCallAndNotFeasibleBlocksEstimateQuoteAndWin() {
    Actor sales = user(Role.CRM_SALES);
    Opportunity o = opportunity(sales, account(sales), OpportunityType.ENGINEER_TO_ORDER);
    EngineeringRequest r = engineering.ofOpportunity(sales, o.id());
    EstimateDraft estimate =
        new EstimateDraft(List.of(cost(CostCategory.MATERIAL, "1", "10")), BigDecimal.TEN);
    assertThatThrownBy(() -> engineering.estimate(sales, r.id(), r.version(), estimate))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("no feasibility decision");
    assertThatThrownBy(
            () ->
                engineering.decideFeasibility(
                    sales, r.id(), r.version(), Feasibility.FEASIBLE, null))
        .isInstanceOf(AccessDeniedException.class);
    ValidationException noNote =
        (ValidationException)
            catchThrowable(
                () ->
                    engineering.decideFeasibility(
                        ADMIN, r.id(), r.version(), Feasibility.NOT_FEASIBLE, " "));
    assertThat(noNote.errors()).extracting(e -> e.field()).containsExactly("note");

    EngineeringRequest no =
        engineering.decideFeasibility(
            ADMIN, r.id(), r.version(), Feasibility.NOT_FEASIBLE, "needs 60 t, we build 40 t");
    assertThat(no.status()).isEqualTo(EngineeringStatus.FEASIBILITY_DECIDED);
    assertThat(no.feasibility().verdict()).isEqualTo(Feasibility.NOT_FEASIBLE);
    assertThat(no.feasibility().decidedBy()).isEqualTo("admin");
    assertThatThrownBy(() -> engineering.estimate(sales, r.id(), no.version(), estimate))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("NOT_FEASIBLE");
    assertThatThrownBy(() -> engineering.quote(sales, r.id(), no.version()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("NOT_FEASIBLE");
    Opportunity current = opportunities.get(sales, o.id());
    assertThatThrownBy(() -> opportunities.win(sales, o.id(), current.version(), null, null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("NOT_FEASIBLE");
    assertThat(opportunities.get(sales, o.id()).status()).isEqualTo(StageKind.OPEN);

    EngineeringRequest changed =
        engineering.decideFeasibility(
            ADMIN, r.id(), no.version(), Feasibility.FEASIBLE_WITH_CHANGES, "with a 60 t frame");
    assertThat(engineering.estimate(sales, r.id(), changed.version(), estimate).status())
        .isEqualTo(EngineeringStatus.ESTIMATED);
  }

  @Test
  void theEstimateAddsUpByCategoryAndTheQuoteIsPricedFromIt() {
    Actor sales = user(Role.CRM_SALES);
    Opportunity o = opportunity(sales, account(sales), OpportunityType.ENGINEER_TO_ORDER);
    EngineeringRequest r = estimated(sales, o);
    assertThat(r.status()).isEqualTo(EngineeringStatus.ESTIMATED);
    assertThat(r.estimate().costByCategory().get(CostCategory.MATERIAL))
        .isEqualByComparingTo("600");
    assertThat(r.estimate().costByCategory().get(CostCategory.LABOUR)).isEqualByComparingTo("200");
    assertThat(r.estimate().costByCategory().get(CostCategory.SUBCONTRACT))
        .isEqualByComparingTo("150.50");
    assertThat(r.estimate().costByCategory().get(CostCategory.OVERHEAD))
        .isEqualByComparingTo("49.50");
    assertThat(r.estimate().cost()).isEqualByComparingTo("1000");
    assertThat(r.estimate().price()).isEqualByComparingTo("1250");

    ValidationException bad =
        (ValidationException)
            catchThrowable(
                () ->
                    engineering.estimate(
                        sales,
                        r.id(),
                        r.version(),
                        new EstimateDraft(
                            java.util.Arrays.asList(
                                new CostLine(null, "", BigDecimal.ZERO, new BigDecimal("-1")),
                                null),
                            new BigDecimal("1001"))));
    assertThat(bad.errors())
        .extracting(e -> e.field())
        .containsExactly(
            "lines[0].category",
            "lines[0].description",
            "lines[0].quantity",
            "lines[0].unitCost",
            "lines[1]",
            "marginPercent");

    Quote q = engineering.quote(sales, r.id(), r.version());
    assertThat(q.status()).isEqualTo(QuoteStatus.DRAFT);
    assertThat(q.opportunityId()).isEqualTo(o.id());
    assertThat(q.lines()).hasSize(1);
    assertThat(q.lines().get(0).productCode()).isEqualTo("PRESS-40");
    assertThat(q.lines().get(0).quantity()).isEqualByComparingTo("2");
    assertThat(q.lines().get(0).unitPrice()).isEqualByComparingTo("625");
    assertThat(q.total()).isEqualByComparingTo("1250");
    EngineeringRequest quoted = engineering.get(sales, r.id());
    assertThat(quoted.status()).isEqualTo(EngineeringStatus.QUOTED);
    assertThat(quoted.quoteId()).isEqualTo(q.id());
    assertThatThrownBy(() -> engineering.quote(sales, r.id(), r.version()))
        .isInstanceOf(StaleVersionException.class);
  }

  @Test
  void bomRevisionsSupersedeAndAReleasedOneNeverChanges() {
    Actor sales = user(Role.CRM_SALES);
    Opportunity o = opportunity(sales, account(sales), OpportunityType.ENGINEER_TO_ORDER);
    EngineeringRequest r = engineering.ofOpportunity(sales, o.id());
    r = engineering.addBom(sales, r.id(), r.version(), List.of(bom("FRAME", "1")));
    r = engineering.addBom(sales, r.id(), r.version(), List.of(bom("FRAME", "1"), bom("RAM", "2")));
    assertThat(r.boms())
        .extracting(b -> b.status())
        .containsExactly(BomStatus.SUPERSEDED, BomStatus.DRAFT);
    EngineeringRequest current = r;
    assertThatThrownBy(() -> engineering.releaseBom(sales, current.id(), current.version(), 2))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> engineering.releaseBom(ADMIN, current.id(), current.version(), 1))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("SUPERSEDED");
    assertThatThrownBy(() -> engineering.releaseBom(ADMIN, current.id(), current.version(), 7))
        .isInstanceOf(NotFoundException.class);
    r = engineering.releaseBom(ADMIN, r.id(), r.version(), 2);
    assertThat(r.boms().get(1).status()).isEqualTo(BomStatus.RELEASED);
    assertThat(r.boms().get(1).releasedBy()).isEqualTo("admin");
    EngineeringRequest released = r;
    assertThatThrownBy(() -> engineering.releaseBom(ADMIN, released.id(), released.version(), 2))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("never changes");
    r = engineering.addBom(sales, r.id(), r.version(), List.of(bom("FRAME-2", "1")));
    r = engineering.releaseBom(ADMIN, r.id(), r.version(), 3);
    assertThat(r.boms())
        .extracting(b -> b.status())
        .containsExactly(BomStatus.SUPERSEDED, BomStatus.SUPERSEDED, BomStatus.RELEASED);
    assertThat(r.boms().get(1).lines())
        .extracting(BomLine::productCode)
        .containsExactly("FRAME", "RAM");
    // Not won: no ERP production is commanded by a release.
    assertThat(r.productionCommandId()).isNull();
    EngineeringRequest last = r;
    ValidationException bad =
        (ValidationException)
            catchThrowable(
                () -> engineering.addBom(sales, last.id(), last.version(), List.of(bom(" ", "0"))));
    assertThat(bad.errors())
        .extracting(e -> e.field())
        .containsExactly("lines[0].productCode", "lines[0].quantity");
  }

  private static BomLine bom(String product, String qty) {
    return new BomLine(product, new BigDecimal(qty));
  }

  @Test
  void acceptingTheQuoteCommandsTheProjectAndReleasingTheBomThenTheProduction() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Opportunity o = opportunity(sales, a, OpportunityType.ENGINEER_TO_ORDER);
    EngineeringRequest r = estimated(sales, o);
    r =
        engineering.planTasks(
            sales,
            r.id(),
            r.version(),
            List.of(
                new EngineeringTask("Design frame", new BigDecimal("16")),
                new EngineeringTask("Review", null)));
    r = engineering.addBom(sales, r.id(), r.version(), List.of(bom("FRAME", "1"), bom("RAM", "2")));
    Quote q = engineering.quote(sales, r.id(), engineering.get(sales, r.id()).version());
    q = quotes.submit(sales, q.id(), q.version());
    q = quotes.accept(sales, q.id(), q.version());
    assertThat(opportunities.get(sales, o.id()).status()).isEqualTo(StageKind.WON);

    EngineeringRequest won = engineering.get(sales, r.id());
    assertThat(won.status()).isEqualTo(EngineeringStatus.WON);
    assertThat(won.projectCommand()).isEqualTo(ErpCommand.Status.PENDING);
    assertThat(won.productionCommandId()).isNull();
    ErpCommand project = commands.command(sales, won.projectCommandId());
    assertThat(project.key()).isEqualTo("eto-project-" + r.id());
    ErpCommandRequest.Project p = (ErpCommandRequest.Project) project.request();
    assertThat(p.name()).isEqualTo("Special press");
    assertThat(p.tasks())
        .containsExactly(
            new ProjectTask("Design frame", new BigDecimal("16.00")),
            new ProjectTask("Review", null));
    assertThatThrownBy(() -> engineering.planTasks(sales, won.id(), won.version(), List.of()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("WON");

    // The quote's sale is made in the ERP before engineering releases the BOM.
    commands.completed(
        ADMIN,
        q.saleCommandId(),
        new DocumentRef("tryton", DocumentKind.SALE, "41", "SO41", "confirmed", true));
    EngineeringRequest released = engineering.releaseBom(ADMIN, r.id(), won.version(), 1);
    assertThat(released.productionCommand()).isEqualTo(ErpCommand.Status.PENDING);
    ErpCommand production = commands.command(sales, released.productionCommandId());
    assertThat(production.key()).isEqualTo("eto-production-" + r.id() + "-r1");
    ErpCommandRequest.Production pr = (ErpCommandRequest.Production) production.request();
    assertThat(pr.productCode()).isEqualTo("PRESS-40");
    assertThat(pr.quantity()).isEqualByComparingTo("2");
    assertThat(pr.bom()).extracting(BomLine::productCode).containsExactly("FRAME", "RAM");
    assertThat(pr.saleRef()).isEqualTo("41");
    assertThat(
            outbox.pending(100_000).stream()
                .filter(e -> e.type().equals("erp.command.requested"))
                .filter(
                    e ->
                        e.aggregateId().equals(project.id().toString())
                            || e.aggregateId().equals(production.id().toString())))
        .hasSize(2);
  }

  @Test
  void winningWithAReleasedBomCommandsBothLosingCancelsAndReopeningResumes() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Opportunity o = opportunity(sales, a, OpportunityType.ENGINEER_TO_ORDER);
    EngineeringRequest r = estimated(sales, o);
    r = engineering.addBom(sales, r.id(), r.version(), List.of(bom("FRAME", "1")));
    r = engineering.releaseBom(ADMIN, r.id(), r.version(), 1);

    Opportunity lost = opportunities.lose(sales, o.id(), o.version(), null, "price", null);
    EngineeringRequest cancelled = engineering.get(sales, r.id());
    assertThat(cancelled.status()).isEqualTo(EngineeringStatus.CANCELLED);
    assertThatThrownBy(
            () ->
                engineering.addBom(
                    sales, cancelled.id(), cancelled.version(), List.of(bom("X", "1"))))
        .isInstanceOf(ConflictException.class);
    Opportunity reopened =
        opportunities.reopen(ADMIN, o.id(), lost.version(), "PROSPECTING", "they came back");
    assertThat(engineering.get(sales, r.id()).status()).isEqualTo(EngineeringStatus.ESTIMATED);

    opportunities.win(sales, o.id(), reopened.version(), null, "signed");
    EngineeringRequest won = engineering.get(sales, r.id());
    assertThat(won.status()).isEqualTo(EngineeringStatus.WON);
    assertThat(won.projectCommandId()).isNotNull();
    ErpCommandRequest.Production pr =
        (ErpCommandRequest.Production) commands.command(sales, won.productionCommandId()).request();
    assertThat(pr.bom()).containsExactly(bom("FRAME", "1.0000"));
    assertThat(pr.saleRef()).isNull();
  }

  @Test
  void attachmentsKeepTheirBytesAndDigestWithinTheLimit() {
    Actor sales = user(Role.CRM_SALES);
    Opportunity o = opportunity(sales, account(sales), OpportunityType.ENGINEER_TO_ORDER);
    EngineeringRequest r = engineering.ofOpportunity(sales, o.id());
    byte[] drawing = "%PDF-1.4 drawing".getBytes(StandardCharsets.US_ASCII);
    Attachment a = engineering.attach(sales, r.id(), "frame.pdf", "application/pdf", drawing);
    assertThat(a.size()).isEqualTo(drawing.length);
    assertThat(a.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(drawing)));
    assertThat(engineering.attachments(sales, r.id())).containsExactly(a);
    AttachmentContent c = engineering.attachment(sales, r.id(), a.id());
    assertThat(c.bytes()).isEqualTo(drawing);
    assertThat(engineering.get(sales, r.id()).attachments()).containsExactly(a);

    ValidationException bad =
        (ValidationException)
            catchThrowable(
                () ->
                    engineering.attach(
                        sales,
                        r.id(),
                        "../etc/passwd",
                        "not a type",
                        new byte[(int) EngineeringService.MAX_ATTACHMENT_BYTES + 1]));
    assertThat(bad.errors())
        .extracting(e -> e.field())
        .containsExactly("filename", "contentType", "content");
    assertThatThrownBy(() -> engineering.attach(sales, r.id(), "x.txt", "text/plain", new byte[0]))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> engineering.attachment(sales, r.id(), UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);

    engineering.detach(sales, r.id(), a.id());
    assertThat(engineering.attachments(sales, r.id())).isEmpty();
    assertThatThrownBy(() -> engineering.attachment(sales, r.id(), a.id()))
        .isInstanceOf(NotFoundException.class);
  }

  private static byte[] sha256(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
