package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.erp.port.CatalogPort;
import org.loopcrm.crm.api.erp.port.ErpUnavailableException;
import org.loopcrm.crm.api.erp.port.Product;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.sales.Competitor;
import org.loopcrm.crm.api.sales.ForecastCategory;
import org.loopcrm.crm.api.sales.GateCheck;
import org.loopcrm.crm.api.sales.LineDraft;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityDraft;
import org.loopcrm.crm.api.sales.OpportunityQuery;
import org.loopcrm.crm.api.sales.Pipeline;
import org.loopcrm.crm.api.sales.PipelineDraft;
import org.loopcrm.crm.api.sales.Stage;
import org.loopcrm.crm.api.sales.StageChange;
import org.loopcrm.crm.api.sales.StageKind;
import org.loopcrm.crm.core.internal.erp.ErpLiveAccess;
import org.loopcrm.crm.core.internal.jpa.CrmServicesContract.MutableClock;

/** Pipelines and opportunities (decisions.md §31), on each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpportunitiesContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor VIEWER = new Actor("viewer", Set.of(Role.CRM_VIEWER), Actor.Channel.REST);

  private final MutableClock clock = new MutableClock();
  private final List<CatalogPort> catalogs = new ArrayList<>();
  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaPipelineService pipelines;
  private JpaOpportunityService opportunities;
  private JpaOutboxService outbox;
  private ErpLiveAccess erp;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    clock.set(Instant.parse("2026-11-23T10:00:00Z"));
    accounts = new JpaAccountService(emf, clock);
    pipelines = new JpaPipelineService(emf, clock);
    erp = new ErpLiveAccess(accounts, clock);
    opportunities =
        new JpaOpportunityService(
            emf, clock, AccessPolicy.privateAccess(), SalesPolicy.defaults(), erp.service());
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
        owner, new AccountDraft(unique("Opp"), null, owner.user(), LifecycleStage.PROSPECT));
  }

  private Contact contact(Actor owner, Account a) {
    return accounts.addContact(
        owner, a.id(), new ContactDraft("Ann", unique("Buyer"), null, null, null));
  }

  private static OpportunityDraft draft(UUID account, String name) {
    return OpportunityDraft.of(account, name, LocalDate.parse("2027-01-31"));
  }

  private static OpportunityDraft with(
      OpportunityDraft d, UUID contact, String amount, String nextStep) {
    return new OpportunityDraft(
        d.accountId(),
        contact,
        d.name(),
        d.type(),
        d.pipeline(),
        d.stage(),
        d.probability(),
        d.forecastCategory(),
        amount == null ? null : new BigDecimal(amount),
        d.currency(),
        d.closeDate(),
        d.owner(),
        d.source(),
        d.leadId(),
        d.description(),
        nextStep,
        d.competitors());
  }

  private List<OutboxEvent> events(String aggregateId) {
    return outbox.pending(100_000).stream()
        .filter(e -> e.aggregateId().equals(aggregateId))
        .toList();
  }

  private static List<String> fields(ValidationException e) {
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void anOpportunityStartsOnTheDefaultPipelinesFirstStageWithItsProbability() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Opportunity o = opportunities.create(sales, draft(a.id(), "Line 4 conveyors"));

    assertThat(o.pipeline()).isEqualTo("STANDARD");
    assertThat(o.stage()).isEqualTo("PROSPECTING");
    assertThat(o.status()).isEqualTo(StageKind.OPEN);
    assertThat(o.probability()).isEqualTo(10);
    assertThat(o.forecastCategory()).isEqualTo(ForecastCategory.PIPELINE);
    assertThat(o.owner()).isEqualTo(sales.user());
    assertThat(o.currency()).isEqualTo("EUR");
    assertThat(o.amount()).isEqualByComparingTo("0");
    assertThat(opportunities.get(sales, o.id())).isEqualTo(o);
    assertThat(opportunities.history(sales, o.id()))
        .extracting(StageChange::fromStage, StageChange::toStage, StageChange::by)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "PROSPECTING", sales.user()));
    assertThat(events(o.id().toString()))
        .extracting(OutboxEvent::type)
        .containsExactly("opportunity.created");
  }

  @Test
  void whoMaySeeTheAccountSeesItsOpportunitiesAndNobodyElse() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Opportunity o = opportunities.create(sales, draft(a.id(), "Private deal"));
    Actor stranger = user(Role.CRM_SALES);

    assertThatThrownBy(() -> opportunities.get(stranger, o.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> opportunities.create(stranger, draft(a.id(), "Poach")))
        .isInstanceOf(NotFoundException.class);
    assertThat(
            opportunities
                .list(
                    stranger,
                    new OpportunityQuery(a.id(), null, null, null, null, null, null),
                    50,
                    null)
                .items())
        .isEmpty();
    assertThatThrownBy(() -> opportunities.create(VIEWER, draft(a.id(), "Viewer")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(opportunities.get(ADMIN, o.id()).name()).isEqualTo("Private deal");
  }

  @Test
  void movingForwardChecksTheGatesOfEveryStagePassed() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Opportunity o = opportunities.create(sales, draft(a.id(), "Gated"));

    // NEGOTIATION needs amount, contact and next step; PROPOSAL on the way needs amount + contact.
    ValidationException e =
        (ValidationException)
            catchThrowable(() -> opportunities.moveTo(sales, o.id(), o.version(), "NEGOTIATION"));
    assertThat(fields(e)).contains("amount", "contactId", "nextStep");
    assertThat(opportunities.get(sales, o.id()).stage()).isEqualTo("PROSPECTING");

    Contact ann = contact(sales, a);
    Opportunity ready =
        opportunities.update(
            sales, o.id(), o.version(), with(draft(a.id(), "Gated"), ann.id(), "12000.00", null));
    ValidationException stillMissing =
        (ValidationException)
            catchThrowable(
                () -> opportunities.moveTo(sales, o.id(), ready.version(), "NEGOTIATION"));
    assertThat(fields(stillMissing)).containsExactly("nextStep");

    Opportunity proposal = opportunities.moveTo(sales, o.id(), ready.version(), "PROPOSAL");
    assertThat(proposal.probability()).isEqualTo(50);
    assertThat(proposal.forecastCategory()).isEqualTo(ForecastCategory.BEST_CASE);
    // Back is allowed without gates; the same stage is no change.
    Opportunity back = opportunities.moveTo(sales, o.id(), proposal.version(), "QUALIFICATION");
    assertThat(back.probability()).isEqualTo(20);
    assertThat(opportunities.moveTo(sales, o.id(), back.version(), "QUALIFICATION").version())
        .isEqualTo(back.version());
    assertThat(opportunities.history(sales, o.id()))
        .extracting(StageChange::toStage)
        .containsExactly("PROSPECTING", "PROPOSAL", "QUALIFICATION");
    assertThat(events(o.id().toString()))
        .extracting(OutboxEvent::type)
        .containsExactly(
            "opportunity.created",
            "opportunity.updated",
            "opportunity.stage-changed",
            "opportunity.stage-changed");
    // The current stage's requirements hold on update too: the contact cannot be taken away.
    Opportunity atProposal = opportunities.moveTo(sales, o.id(), back.version(), "PROPOSAL");
    ValidationException blank =
        (ValidationException)
            catchThrowable(
                () ->
                    opportunities.update(
                        sales,
                        o.id(),
                        atProposal.version(),
                        with(draft(a.id(), "Gated"), null, "12000.00", null)));
    assertThat(fields(blank)).contains("contactId");
  }

  @Test
  void unknownStagesAndClosingStagesAreRefusedByMoveTo() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Opportunity o = opportunities.create(sales, draft(a.id(), "Moves"));
    ValidationException e =
        (ValidationException)
            catchThrowable(() -> opportunities.moveTo(sales, o.id(), o.version(), "NOPE"));
    assertThat(e.errors().get(0).message()).contains("has no stage NOPE", "PROSPECTING");
    assertThatThrownBy(() -> opportunities.moveTo(sales, o.id(), o.version(), "WON"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("win the opportunity instead");
    assertThatThrownBy(() -> opportunities.moveTo(sales, o.id(), o.version() + 1, "QUALIFICATION"))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(
            () ->
                opportunities.create(
                    sales,
                    new OpportunityDraft(
                        a.id(),
                        null,
                        "x",
                        null,
                        null,
                        "WON",
                        null,
                        null,
                        null,
                        null,
                        LocalDate.parse("2027-01-01"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void wonAndLostAreFinalUntilAManagerReopens() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Opportunity o =
        opportunities.create(sales, with(draft(a.id(), "Closing"), null, "500.00", null));

    ValidationException noReason =
        (ValidationException)
            catchThrowable(() -> opportunities.lose(sales, o.id(), o.version(), null, " ", null));
    assertThat(fields(noReason)).containsExactly("reason");

    clock.set(Instant.parse("2026-12-02T09:00:00Z"));
    Opportunity won = opportunities.win(sales, o.id(), o.version(), null, "best lead time");
    assertThat(won.status()).isEqualTo(StageKind.WON);
    assertThat(won.stage()).isEqualTo("WON");
    assertThat(won.probability()).isEqualTo(100);
    assertThat(won.forecastCategory()).isEqualTo(ForecastCategory.CLOSED);
    assertThat(won.closeDate()).isEqualTo(LocalDate.parse("2026-12-02"));
    assertThat(won.closedAt()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
    assertThat(won.closeReason()).isEqualTo("best lead time");

    assertThatThrownBy(() -> opportunities.lose(sales, o.id(), won.version(), null, "x", null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("reopen it first");
    assertThatThrownBy(
            () -> opportunities.update(sales, o.id(), won.version(), draft(a.id(), "Changed")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                opportunities.addLine(
                    sales,
                    o.id(),
                    won.version(),
                    new LineDraft("P", "p", BigDecimal.ONE, BigDecimal.TEN, null, null)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () -> opportunities.reopen(sales, o.id(), won.version(), "PROSPECTING", "oops"))
        .isInstanceOf(AccessDeniedException.class);

    Opportunity reopened =
        opportunities.reopen(ADMIN, o.id(), won.version(), "QUALIFICATION", "PO withdrawn");
    assertThat(reopened.status()).isEqualTo(StageKind.OPEN);
    assertThat(reopened.closedAt()).isNull();
    assertThat(reopened.closeReason()).isNull();
    Opportunity lost =
        opportunities.lose(sales, o.id(), reopened.version(), null, "price", "Acme Conveyors");
    assertThat(lost.status()).isEqualTo(StageKind.LOST);
    assertThat(lost.probability()).isZero();
    assertThat(lost.lostTo()).isEqualTo("Acme Conveyors");
    assertThat(opportunities.history(sales, o.id()))
        .extracting(StageChange::toStage, StageChange::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PROSPECTING", null),
            org.assertj.core.groups.Tuple.tuple("WON", "best lead time"),
            org.assertj.core.groups.Tuple.tuple("QUALIFICATION", "PO withdrawn"),
            org.assertj.core.groups.Tuple.tuple("LOST", "price"));
    assertThat(events(o.id().toString()))
        .extracting(OutboxEvent::type)
        .containsSubsequence("opportunity.won", "opportunity.reopened", "opportunity.lost");
    clock.set(Instant.parse("2026-11-23T10:00:00Z"));
  }

  @Test
  void linesTakeTheErpsListPriceAndMakeTheAmount() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Opportunity o = opportunities.create(sales, with(draft(a.id(), "Lines"), null, "999.00", null));

    // Without an ERP, a line needs its price.
    assertThatThrownBy(
            () ->
                opportunities.addLine(
                    sales,
                    o.id(),
                    o.version(),
                    new LineDraft("BELT-5", null, BigDecimal.ONE, null, null, null)))
        .isInstanceOf(ErpUnavailableException.class);
    // With its price, a line needs the ERP only for a description: it is added without one.
    Opportunity other =
        opportunities.create(sales, with(draft(a.id(), "Priced"), null, "999.00", null));
    Opportunity priced =
        opportunities.addLine(
            sales,
            other.id(),
            other.version(),
            new LineDraft("BELT-5", null, BigDecimal.ONE, new BigDecimal("100"), null, null));
    assertThat(priced.lines()).extracting(l -> l.description()).containsOnlyNulls();
    assertThat(priced.amount()).isEqualByComparingTo("100.00");

    erp.connect(
        code ->
            switch (code) {
              case "BELT-5" ->
                  new Product("BELT-5", "Belt 5 m", "unit", new BigDecimal("120.50"), "EUR", true);
              case "MOTOR-USD" ->
                  new Product("MOTOR-USD", "Motor", "unit", new BigDecimal("80"), "USD", true);
              default -> throw new NotFoundException("product", code);
            });
    try {
      Opportunity one =
          opportunities.addLine(
              sales,
              o.id(),
              o.version(),
              new LineDraft("BELT-5", null, new BigDecimal("3"), null, new BigDecimal("10"), null));
      assertThat(one.lines()).hasSize(1);
      assertThat(one.lines().get(0).description()).isEqualTo("Belt 5 m");
      assertThat(one.lines().get(0).unitPrice()).isEqualByComparingTo("120.50");
      assertThat(one.lines().get(0).total()).isEqualByComparingTo("325.35");
      assertThat(one.amount()).isEqualByComparingTo("325.35");

      Opportunity two =
          opportunities.addLine(
              sales,
              o.id(),
              one.version(),
              new LineDraft(
                  "SERVICE",
                  "Installation",
                  new BigDecimal("8"),
                  new BigDecimal("95"),
                  null,
                  null));
      assertThat(two.amount()).isEqualByComparingTo("1085.35");

      assertThatThrownBy(
              () ->
                  opportunities.addLine(
                      sales,
                      o.id(),
                      two.version(),
                      new LineDraft("NOPE", null, BigDecimal.ONE, null, null, null)))
          .isInstanceOf(NotFoundException.class);
      ValidationException usd =
          (ValidationException)
              catchThrowable(
                  () ->
                      opportunities.addLine(
                          sales,
                          o.id(),
                          two.version(),
                          new LineDraft("MOTOR-USD", null, BigDecimal.ONE, null, null, null)));
      assertThat(usd.errors().get(0).message()).contains("USD", "EUR");
      ValidationException bad =
          (ValidationException)
              catchThrowable(
                  () ->
                      opportunities.addLine(
                          sales,
                          o.id(),
                          two.version(),
                          new LineDraft(
                              " ",
                              null,
                              BigDecimal.ZERO,
                              new BigDecimal("-1"),
                              new BigDecimal("101"),
                              null)));
      assertThat(fields(bad))
          .containsExactly("productCode", "quantity", "unitPrice", "discountPercent");

      Opportunity removed =
          opportunities.removeLine(sales, o.id(), two.version(), one.lines().get(0).id());
      assertThat(removed.lines()).extracting(l -> l.productCode()).containsExactly("SERVICE");
      assertThat(removed.amount()).isEqualByComparingTo("760.00");
      assertThatThrownBy(
              () -> opportunities.removeLine(sales, o.id(), removed.version(), UUID.randomUUID()))
          .isInstanceOf(NotFoundException.class);
    } finally {
      erp.disconnect();
    }
  }

  @Test
  void listingsFilterAndPageByCloseDate() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    for (int i = 1; i <= 5; i++) {
      opportunities.create(
          sales, OpportunityDraft.of(a.id(), "Deal " + i, LocalDate.parse("2027-0" + i + "-15")));
    }
    OpportunityQuery q =
        new OpportunityQuery(
            a.id(), null, null, null, StageKind.OPEN, LocalDate.parse("2027-02-01"), null);
    Page<Opportunity> first = opportunities.list(sales, q, 2, null);
    assertThat(first.items()).extracting(Opportunity::name).containsExactly("Deal 2", "Deal 3");
    Page<Opportunity> second = opportunities.list(sales, q, 2, first.nextCursor().orElseThrow());
    assertThat(second.items()).extracting(Opportunity::name).containsExactly("Deal 4", "Deal 5");
    assertThat(second.nextCursor()).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> opportunities.list(sales, q, 2, "garbage"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> opportunities.list(sales, q, 0, null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void badDraftsNameEveryField() {
    Actor sales = user(Role.CRM_SALES);
    ValidationException e =
        (ValidationException)
            catchThrowable(
                () ->
                    opportunities.create(
                        sales,
                        new OpportunityDraft(
                            null,
                            null,
                            " ",
                            null,
                            "bad code!",
                            null,
                            101,
                            ForecastCategory.CLOSED,
                            new BigDecimal("-1"),
                            "euro",
                            null,
                            "no one",
                            null,
                            null,
                            null,
                            null,
                            List.of(new Competitor(" ", null)))));
    assertThat(fields(e))
        .contains(
            "accountId",
            "name",
            "closeDate",
            "probability",
            "forecastCategory",
            "amount",
            "currency",
            "owner",
            "pipeline",
            "competitors[0].name");
  }

  @Test
  void pipelinesAreCheckedAsAWholeAndKeepTheStagesInUse() {
    String code = unique("ETO");
    List<Stage> stages =
        List.of(
            new Stage(
                "ENQUIRY",
                "Enquiry",
                StageKind.OPEN,
                10,
                ForecastCategory.PIPELINE,
                List.of(),
                Set.of()),
            new Stage(
                "ENGINEERING",
                "Engineering",
                StageKind.OPEN,
                30,
                ForecastCategory.PIPELINE,
                List.of("description"),
                Set.of(GateCheck.HAS_CONTACT)),
            new Stage(
                "QUOTED",
                "Quoted",
                StageKind.OPEN,
                60,
                ForecastCategory.BEST_CASE,
                List.of("lines"),
                Set.of(GateCheck.HAS_LINES)),
            new Stage(
                "WON", "Won", StageKind.WON, 100, ForecastCategory.CLOSED, List.of(), Set.of()),
            new Stage(
                "LOST", "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED, List.of(), Set.of()));
    PipelineDraft d = new PipelineDraft(code, "Engineer to order", null, false, true, stages);
    assertThatThrownBy(() -> pipelines.define(user(Role.CRM_SALES), d))
        .isInstanceOf(AccessDeniedException.class);
    Pipeline p = pipelines.define(ADMIN, d);
    assertThat(p.stages()).isEqualTo(stages);
    assertThatThrownBy(() -> pipelines.define(ADMIN, d)).isInstanceOf(ConflictException.class);
    assertThat(pipelines.pipelines(VIEWER).get(0).code()).isEqualTo("STANDARD");

    ValidationException bad =
        (ValidationException)
            catchThrowable(
                () ->
                    pipelines.define(
                        ADMIN,
                        new PipelineDraft(
                            unique("BAD"),
                            "Bad",
                            null,
                            false,
                            true,
                            List.of(
                                new Stage(
                                    "WON",
                                    "Won",
                                    StageKind.WON,
                                    100,
                                    ForecastCategory.CLOSED,
                                    List.of(),
                                    Set.of()),
                                new Stage(
                                    "A",
                                    "A",
                                    StageKind.OPEN,
                                    101,
                                    ForecastCategory.PIPELINE,
                                    List.of("colour"),
                                    Set.of()),
                                new Stage(
                                    "A",
                                    "Again",
                                    StageKind.LOST,
                                    5,
                                    ForecastCategory.OMITTED,
                                    List.of(),
                                    Set.of())))));
    assertThat(fields(bad))
        .contains(
            "stages[1].kind",
            "stages[1].probability",
            "stages[1].requiredFields",
            "stages[2].code",
            "stages[2].probability");

    // An opportunity on ENGINEERING keeps that stage in the pipeline.
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Contact ann = contact(sales, a);
    OpportunityDraft od =
        new OpportunityDraft(
            a.id(),
            ann.id(),
            "Special press",
            null,
            code,
            "ENGINEERING",
            null,
            null,
            null,
            null,
            LocalDate.parse("2027-03-01"),
            null,
            null,
            null,
            "a press for 40 t parts",
            null,
            null);
    Opportunity o = opportunities.create(sales, od);
    assertThat(o.probability()).isEqualTo(30);
    List<Stage> without = new ArrayList<>(stages);
    without.remove(1);
    assertThatThrownBy(
            () ->
                pipelines.update(
                    ADMIN,
                    code,
                    p.version(),
                    new PipelineDraft(code, "ETO", null, false, true, without)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("ENGINEERING has 1 opportunities");
    // Making it the default takes that from STANDARD; the default cannot simply be dropped.
    Pipeline def =
        pipelines.update(
            ADMIN, code, p.version(), new PipelineDraft(code, "ETO", null, true, true, stages));
    assertThat(pipelines.pipelines(ADMIN).get(0).code()).isEqualTo(code);
    assertThatThrownBy(
            () ->
                pipelines.update(
                    ADMIN,
                    code,
                    def.version(),
                    new PipelineDraft(code, "ETO", null, false, true, stages)))
        .isInstanceOf(ValidationException.class);
    Pipeline standard = pipelines.pipeline(ADMIN, "STANDARD");
    pipelines.update(
        ADMIN,
        "STANDARD",
        standard.version(),
        new PipelineDraft(
            "STANDARD", standard.name(), standard.description(), true, true, standard.stages()));
    assertThat(pipelines.pipeline(ADMIN, code).defaultPipeline()).isFalse();
    assertThatThrownBy(() -> pipelines.pipeline(ADMIN, "NOPE"))
        .isInstanceOf(NotFoundException.class);
    assertThat(Map.of()).isEmpty();
  }

  private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
    return org.assertj.core.api.Assertions.catchThrowable(c);
  }
}
