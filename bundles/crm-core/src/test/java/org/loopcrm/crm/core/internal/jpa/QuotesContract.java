package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
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
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.ErpCommandRequest;
import org.loopcrm.crm.api.erp.port.Availability;
import org.loopcrm.crm.api.erp.port.CreditStatus;
import org.loopcrm.crm.api.erp.port.FinancePort;
import org.loopcrm.crm.api.erp.port.InventoryPort;
import org.loopcrm.crm.api.erp.port.SaleLineChange;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.quote.LineQuantity;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.api.quote.QuoteDraft;
import org.loopcrm.crm.api.quote.QuoteLine;
import org.loopcrm.crm.api.quote.QuoteLineDraft;
import org.loopcrm.crm.api.quote.QuoteStatus;
import org.loopcrm.crm.api.sales.LineDraft;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityDraft;
import org.loopcrm.crm.api.sales.StageKind;
import org.loopcrm.crm.core.internal.erp.ErpLiveAccess;
import org.loopcrm.crm.core.internal.jpa.CrmServicesContract.MutableClock;

/** Quotes (decisions.md §33), on each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QuotesContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);

  private final MutableClock clock = new MutableClock();
  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaOpportunityService opportunities;
  private JpaQuoteService quotes;
  private JpaErpCommandService commands;
  private JpaOutboxService outbox;
  private ErpLiveAccess erp;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    clock.set(Instant.parse("2026-11-23T10:00:00Z"));
    accounts = new JpaAccountService(emf, clock);
    erp = new ErpLiveAccess(accounts, clock);
    AccessPolicy policy = AccessPolicy.privateAccess();
    opportunities =
        new JpaOpportunityService(emf, clock, policy, SalesPolicy.defaults(), erp.service());
    quotes = new JpaQuoteService(emf, clock, policy, SalesPolicy.defaults(), erp.service());
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

  private Account account(Actor owner, String erpRef) {
    return accounts.create(
        owner,
        new AccountDraft(unique("Quote"), erpRef, null, owner.user(), LifecycleStage.PROSPECT));
  }

  /** An open opportunity with two lines: 3 belts at 120.50 less 10 %, 8 h installation at 95. */
  private Opportunity opportunity(Actor sales, Account a) {
    Opportunity o =
        opportunities.create(
            sales, OpportunityDraft.of(a.id(), "Line 4", LocalDate.parse("2027-01-31")));
    o =
        opportunities.addLine(
            sales,
            o.id(),
            o.version(),
            new LineDraft(
                "BELT-5",
                "Belt 5 m",
                new BigDecimal("3"),
                new BigDecimal("120.50"),
                new BigDecimal("10"),
                null));
    return opportunities.addLine(
        sales,
        o.id(),
        o.version(),
        new LineDraft(
            "SERVICE", "Installation", new BigDecimal("8"), new BigDecimal("95"), null, null));
  }

  private static QuoteLineDraft line(String product, String qty, String price, String discount) {
    return new QuoteLineDraft(
        product,
        product,
        new BigDecimal(qty),
        new BigDecimal(price),
        discount == null ? null : new BigDecimal(discount),
        null);
  }

  @Test
  void aFirstQuoteCopiesTheOpportunitysLinesAndTotals() {
    Actor sales = user(Role.CRM_SALES);
    Opportunity o = opportunity(sales, account(sales, null));
    Quote q = quotes.create(sales, o.id(), null);

    assertThat(q.number()).matches("Q-\\d{6}");
    assertThat(q.revision()).isEqualTo(1);
    assertThat(q.status()).isEqualTo(QuoteStatus.DRAFT);
    assertThat(q.lines()).extracting(l -> l.productCode()).containsExactly("BELT-5", "SERVICE");
    assertThat(q.subtotal()).isEqualByComparingTo("1121.50");
    assertThat(q.discount()).isEqualByComparingTo("36.15");
    assertThat(q.total()).isEqualByComparingTo("1085.35");
    assertThat(q.validUntil()).isEqualTo(LocalDate.parse("2026-12-23"));
    assertThat(quotes.ofOpportunity(sales, o.id())).extracting(Quote::id).containsExactly(q.id());
    assertThatThrownBy(() -> quotes.get(user(Role.CRM_SALES), q.id()))
        .isInstanceOf(NotFoundException.class);

    Opportunity empty =
        opportunities.create(
            sales, OpportunityDraft.of(o.accountId(), "Empty", LocalDate.parse("2027-01-31")));
    ValidationException e =
        (ValidationException) catchThrowable(() -> quotes.create(sales, empty.id(), null));
    assertThat(e.errors().get(0).field()).isEqualTo("lines");
    ValidationException bad =
        (ValidationException)
            catchThrowable(
                () ->
                    quotes.create(
                        sales,
                        empty.id(),
                        new QuoteDraft(
                            null,
                            LocalDate.parse("2026-11-01"),
                            null,
                            null,
                            List.of(line("X", "0", "-1", "101")))));
    assertThat(bad.errors())
        .extracting(f -> f.field())
        .containsExactly("lines[0].quantity", "lines[0].unitPrice", "lines[0].discountPercent");
  }

  @Test
  void aDiscountOverTheThresholdWaitsForAManager() {
    Actor sales = user(Role.CRM_SALES);
    Opportunity o = opportunity(sales, account(sales, null));
    Quote q =
        quotes.create(
            sales,
            o.id(),
            new QuoteDraft(null, null, null, "Net 30", List.of(line("BELT-5", "10", "100", "20"))));
    Quote pending = quotes.submit(sales, q.id(), q.version());
    assertThat(pending.status()).isEqualTo(QuoteStatus.PENDING_APPROVAL);
    assertThat(pending.approvalReason()).contains("line 1 (BELT-5) is discounted 20%", "15%");
    assertThatThrownBy(() -> quotes.send(sales, q.id(), pending.version()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> quotes.approve(sales, q.id(), pending.version(), null))
        .isInstanceOf(AccessDeniedException.class);

    Quote refused = quotes.refuseApproval(ADMIN, q.id(), pending.version(), "10 % at most");
    assertThat(refused.status()).isEqualTo(QuoteStatus.DRAFT);
    assertThat(refused.approvalNote()).isEqualTo("10 % at most");
    Quote changed =
        quotes.update(
            sales,
            q.id(),
            refused.version(),
            new QuoteDraft(null, null, null, "Net 30", List.of(line("BELT-5", "10", "100", "10"))));
    Quote approved = quotes.submit(sales, q.id(), changed.version());
    assertThat(approved.status()).isEqualTo(QuoteStatus.APPROVED);
    assertThat(approved.approvalReason()).isNull();
    Quote sent = quotes.send(sales, q.id(), approved.version());
    assertThat(sent.status()).isEqualTo(QuoteStatus.SENT);
    assertThatThrownBy(
            () ->
                quotes.update(
                    sales, q.id(), sent.version(), new QuoteDraft(null, null, null, null, null)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("revise it instead");
    assertThatThrownBy(() -> quotes.reject(sales, q.id(), sent.version(), " "))
        .isInstanceOf(ValidationException.class);
    Quote rejected = quotes.reject(sales, q.id(), sent.version(), "too expensive");
    assertThat(rejected.status()).isEqualTo(QuoteStatus.REJECTED);
    assertThat(rejected.decisionReason()).isEqualTo("too expensive");
  }

  @Test
  void aRevisionSupersedesTheOpenOnesAndExpiredQuotesAreNotSent() {
    Actor sales = user(Role.CRM_SALES);
    Opportunity o = opportunity(sales, account(sales, null));
    Quote first = quotes.create(sales, o.id(), null);
    Quote sent =
        quotes.send(sales, first.id(), quotes.submit(sales, first.id(), first.version()).version());
    Quote second = quotes.revise(sales, first.id(), sent.version());

    assertThat(second.number()).isEqualTo(first.number());
    assertThat(second.revision()).isEqualTo(2);
    assertThat(second.status()).isEqualTo(QuoteStatus.DRAFT);
    assertThat(second.lines()).hasSize(2);
    assertThat(quotes.get(sales, first.id()).status()).isEqualTo(QuoteStatus.SUPERSEDED);
    Quote superseded = quotes.get(sales, first.id());
    assertThatThrownBy(() -> quotes.accept(sales, first.id(), superseded.version()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> quotes.revise(sales, first.id(), superseded.version()))
        .isInstanceOf(ConflictException.class);

    Quote approved = quotes.submit(sales, second.id(), second.version());
    clock.advance(Duration.ofDays(40));
    try {
      assertThatThrownBy(() -> quotes.send(sales, second.id(), approved.version()))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("expired on 2026-12-23");
    } finally {
      clock.set(Instant.parse("2026-11-23T10:00:00Z"));
    }
  }

  @Test
  void acceptingWinsTheOpportunityAndCommandsOneConfirmedSale() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales, null);
    Opportunity o = opportunity(sales, a);
    Quote q = quotes.create(sales, o.id(), null);
    Quote sent = quotes.send(sales, q.id(), quotes.submit(sales, q.id(), q.version()).version());
    Quote other = quotes.create(sales, o.id(), null);

    Quote accepted = quotes.accept(sales, q.id(), sent.version());
    assertThat(accepted.status()).isEqualTo(QuoteStatus.ACCEPTED);
    assertThat(accepted.decidedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    assertThat(accepted.saleCommand()).isEqualTo(ErpCommand.Status.PENDING);
    assertThat(opportunities.get(sales, o.id()).status()).isEqualTo(StageKind.WON);
    assertThat(opportunities.get(sales, o.id()).closeReason()).contains(q.number() + "/1");
    // A second quote of the same opportunity is still its own number: it stays open.
    assertThat(quotes.get(sales, other.id()).status()).isEqualTo(QuoteStatus.DRAFT);

    ErpCommand sale = commands.command(sales, accepted.saleCommandId());
    assertThat(sale.key()).isEqualTo("quote-" + q.number() + "-1");
    ErpCommandRequest.Sale request = (ErpCommandRequest.Sale) sale.request();
    assertThat(request.confirm()).isTrue();
    assertThat(request.reference()).isEqualTo(q.number() + "/1");
    assertThat(request.lines()).hasSize(2);
    assertThat(request.lines().get(0).unitPrice()).isEqualByComparingTo("108.45");
    assertThat(request.lines().get(1).unitPrice()).isEqualByComparingTo("95");
    List<OutboxEvent> requested =
        outbox.pending(100_000).stream()
            .filter(e -> e.aggregateId().equals(sale.id().toString()))
            .filter(e -> e.type().equals("erp.command.requested"))
            .toList();
    assertThat(requested).hasSize(1);

    assertThatThrownBy(() -> quotes.accept(sales, q.id(), sent.version()))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(() -> quotes.accept(sales, q.id(), accepted.version()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> quotes.create(sales, o.id(), null))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("WON");
  }

  @Test
  void theOpportunityTimelineClosesTheLoopFromStageToTheErpsDocuments() {
    Actor sales = user(Role.CRM_SALES);
    String erpRef = "P-" + UUID.randomUUID().toString().substring(0, 8);
    Account a = account(sales, erpRef);
    Opportunity o = opportunity(sales, a);
    Quote q = quotes.create(sales, o.id(), null);
    Quote sent = quotes.send(sales, q.id(), quotes.submit(sales, q.id(), q.version()).version());
    clock.advance(Duration.ofMinutes(5));
    Quote accepted = quotes.accept(sales, q.id(), sent.version());
    JpaErpFactService facts =
        new JpaErpFactService(emf, clock, LifecyclePolicy.defaults(), ErpSyncPolicy.defaults());
    String saleCommand = accepted.saleCommandId().toString();
    // The ERP reports the sale the command made, then its progress; another sale of the account
    // (not made for this opportunity) stays off its timeline.
    for (String[] change :
        new String[][] {
          {"confirmed", saleCommand, "S-1"},
          {"processing", saleCommand, "S-1"},
          {"done", null, "S-2"}
        }) {
      clock.advance(Duration.ofMinutes(1));
      facts.apply(
          new org.loopcrm.crm.api.erp.DocumentChanged(
              UUID.randomUUID().toString(),
              "test-erp",
              erpRef,
              org.loopcrm.crm.api.erp.DocumentKind.SALE,
              change[2],
              "SO-" + change[2],
              change[0],
              new BigDecimal("1085.35"),
              "EUR",
              change[1],
              clock.instant()));
    }
    List<org.loopcrm.crm.api.sales.OpportunityEvent> timeline =
        opportunities.timeline(sales, o.id());
    assertThat(timeline)
        .extracting(org.loopcrm.crm.api.sales.OpportunityEvent::title)
        .containsSubsequence(
            "created in PROSPECTING",
            "quote " + q.number() + "/1 made",
            "PROSPECTING → WON",
            "quote " + q.number() + "/1 accepted",
            "SALE asked of the ERP",
            "SALE SO-S-1 confirmed",
            "SALE SO-S-1 processing")
        .doesNotContain("SALE SO-S-2 done");
    // The decision names who took it.
    assertThat(timeline)
        .filteredOn(e -> e.title().equals("quote " + q.number() + "/1 accepted"))
        .singleElement()
        .satisfies(e -> assertThat(e.by()).isEqualTo(sales.user()));
    assertThat(timeline).isSortedAccordingTo(java.util.Comparator.comparing(e -> e.at()));
    clock.set(Instant.parse("2026-11-23T10:00:00Z"));
  }

  /** An accepted quote whose opportunity also has a production requested (as CTO and ETO do). */
  private Quote acceptedWithProduction(Actor sales, Account a, Opportunity o) {
    Quote q = quotes.create(sales, o.id(), null);
    Quote sent = quotes.send(sales, q.id(), quotes.submit(sales, q.id(), q.version()).version());
    Quote accepted = quotes.accept(sales, q.id(), sent.version());
    new Transactions(emf)
        .inTransaction(
            em ->
                JpaErpCommandService.place(
                    em,
                    sales,
                    em.find(OrganizationEntity.class, a.id().toString()),
                    o.id().toString(),
                    "production-" + q.id(),
                    null,
                    new ErpCommandRequest.Production(
                        "BELT-5", new BigDecimal("3"), null, List.of(), null, q.number()),
                    clock.instant()));
    return accepted;
  }

  private List<ErpCommand> commandsOf(Actor actor, Account a) {
    return commands.commands(actor, a.id(), 50, null).items();
  }

  @Test
  void cancellingTheOrderCancelsTheSaleAndStopsItsProductions() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales, null);
    Opportunity o = opportunity(sales, a);
    Quote accepted = acceptedWithProduction(sales, a, o);
    ErpCommand production =
        commandsOf(sales, a).stream()
            .filter(c -> c.request() instanceof ErpCommandRequest.Production)
            .findFirst()
            .orElseThrow();

    assertThatThrownBy(() -> quotes.cancelOrder(sales, accepted.id(), accepted.version(), ""))
        .isInstanceOf(ValidationException.class);
    Quote cancelled = quotes.cancelOrder(sales, accepted.id(), accepted.version(), "budget cut");
    assertThat(cancelled.status()).isEqualTo(QuoteStatus.ORDER_CANCELLED);
    assertThat(cancelled.decisionReason()).isEqualTo("budget cut");

    List<ErpCommand> all = commandsOf(sales, a);
    assertThat(all)
        .filteredOn(c -> c.request() instanceof ErpCommandRequest.CancelSale)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo("cancel-" + accepted.saleCommandId());
              assertThat(((ErpCommandRequest.CancelSale) c.request()).saleCommandId())
                  .isEqualTo(accepted.saleCommandId());
            });
    // The production goes on until the ERP has cancelled the sale.
    assertThat(all).noneMatch(c -> c.request() instanceof ErpCommandRequest.ChangeProduction);
    ErpCommand cancel =
        all.stream()
            .filter(c -> c.request() instanceof ErpCommandRequest.CancelSale)
            .findFirst()
            .orElseThrow();
    commands.completed(
        ErpCommandsContract.INTEGRATION,
        cancel.id(),
        new org.loopcrm.crm.api.erp.port.DocumentRef(
            "test-erp",
            org.loopcrm.crm.api.erp.DocumentKind.SALE,
            "S-1",
            null,
            "cancelled",
            false));
    assertThat(commandsOf(sales, a))
        .filteredOn(c -> c.request() instanceof ErpCommandRequest.ChangeProduction)
        .singleElement()
        .satisfies(
            c -> {
              ErpCommandRequest.ChangeProduction change =
                  (ErpCommandRequest.ChangeProduction) c.request();
              assertThat(change.productionCommandId()).isEqualTo(production.id());
              assertThat(change.quantity()).isEqualByComparingTo("0");
              assertThat(c.key()).isEqualTo("stop-" + production.id());
            });
    assertThatThrownBy(() -> quotes.cancelOrder(sales, accepted.id(), cancelled.version(), "again"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aCancellationTheErpRefusesLeavesTheProductionsRunning() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales, null);
    Opportunity o = opportunity(sales, a);
    Quote accepted = acceptedWithProduction(sales, a, o);
    quotes.cancelOrder(sales, accepted.id(), accepted.version(), "changed our mind");
    ErpCommand cancel =
        commandsOf(sales, a).stream()
            .filter(c -> c.request() instanceof ErpCommandRequest.CancelSale)
            .findFirst()
            .orElseThrow();
    commands.failed(ErpCommandsContract.INTEGRATION, cancel.id(), "the goods are shipped");
    assertThat(commandsOf(sales, a))
        .noneMatch(c -> c.request() instanceof ErpCommandRequest.ChangeProduction);
  }

  @Test
  void aSaleCancelledInTheErpStopsTheProductionsOfItsOpportunityOnce() {
    Actor sales = user(Role.CRM_SALES);
    String erpRef = "P-" + UUID.randomUUID().toString().substring(0, 8);
    Account a = account(sales, erpRef);
    Opportunity o = opportunity(sales, a);
    Quote accepted = acceptedWithProduction(sales, a, o);
    JpaErpFactService facts =
        new JpaErpFactService(emf, clock, LifecyclePolicy.defaults(), ErpSyncPolicy.defaults());
    for (String state : new String[] {"confirmed", "cancelled", "cancelled"}) {
      clock.advance(Duration.ofMinutes(1));
      facts.apply(
          new org.loopcrm.crm.api.erp.DocumentChanged(
              UUID.randomUUID().toString(),
              "test-erp",
              erpRef,
              org.loopcrm.crm.api.erp.DocumentKind.SALE,
              "S-" + accepted.id(),
              null,
              state,
              null,
              null,
              accepted.saleCommandId().toString(),
              clock.instant()));
    }
    assertThat(commandsOf(sales, a))
        .filteredOn(c -> c.request() instanceof ErpCommandRequest.ChangeProduction)
        .hasSize(1);
    assertThat(commandsOf(sales, a))
        .filteredOn(c -> c.request() instanceof ErpCommandRequest.CancelSale)
        .isEmpty();
    clock.set(Instant.parse("2026-11-23T10:00:00Z"));
  }

  /** A released door model (the demo's) and a saved configuration of it. */
  private org.loopcrm.crm.api.cto.Configuration configuredDoor(Actor sales) {
    Actor manager = new Actor("cto-manager", Set.of(Role.CRM_MANAGER), Actor.Channel.REST);
    org.loopcrm.crm.configurator.internal.ChocoConfigurationSolver solver =
        new org.loopcrm.crm.configurator.internal.ChocoConfigurationSolver();
    JpaProductModelService models = new JpaProductModelService(emf, clock, solver);
    JpaConfiguratorService configurator = new JpaConfiguratorService(emf, clock, solver);
    org.loopcrm.crm.api.cto.ProductModelDefinition door =
        org.loopcrm.crm.configurator.internal.demo.IndustrialDoor.definition();
    String code = "DOOR-" + UUID.randomUUID().toString().substring(0, 8);
    org.loopcrm.crm.api.cto.ProductModel model =
        models.create(
            manager,
            new org.loopcrm.crm.api.cto.ProductModelDefinition(
                code,
                door.name(),
                door.erpProductCode(),
                door.currency(),
                door.basePrice(),
                door.attributes(),
                door.constraints(),
                door.pricing(),
                door.bom(),
                door.routing()));
    models.release(manager, code, model.version());
    org.loopcrm.crm.api.cto.Configuration configured =
        configurator.save(
            sales,
            code,
            java.util.Map.of(
                "type",
                "SECTIONAL",
                "width",
                "4000",
                "height",
                "4000",
                "panel",
                "STEEL80",
                "colour",
                "CUSTOM",
                "drive",
                "M2",
                "windows",
                "true",
                "wicket",
                "true",
                "safety",
                "LIGHTCURTAIN"));
    return configured;
  }

  @Test
  void reducingTheOrderChangesTheSaleAndTheConfiguredLinesProductionAndKeepsWhatIsOnOrder() {
    Actor sales = user(Role.CRM_SALES);
    org.loopcrm.crm.api.cto.Configuration configured = configuredDoor(sales);
    Account a = account(sales, null);
    Opportunity o = opportunity(sales, a);
    Quote q =
        quotes.create(
            sales,
            o.id(),
            new QuoteDraft(
                null,
                null,
                null,
                null,
                List.of(
                    new QuoteLineDraft(
                        "DOOR-IND",
                        "Door",
                        new BigDecimal("2"),
                        configured.total(),
                        null,
                        configured.id()),
                    line("SERVICE", "8", "95", null))));
    Quote sent = quotes.send(sales, q.id(), quotes.submit(sales, q.id(), q.version()).version());
    assertThat(sent.lines()).allMatch(l -> l.orderedQuantity() == null);
    assertThatThrownBy(
            () ->
                quotes.reduceOrder(
                    sales,
                    q.id(),
                    sent.version(),
                    List.of(new LineQuantity(2, new BigDecimal("5"))),
                    "smaller"))
        .as("not accepted: no order to reduce")
        .isInstanceOf(ConflictException.class);
    Quote accepted = quotes.accept(sales, q.id(), sent.version());
    assertThat(accepted.lines())
        .extracting(QuoteLine::orderedQuantity)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("2"), new BigDecimal("8"));
    ErpCommand production =
        commandsOf(sales, a).stream()
            .filter(c -> c.request() instanceof ErpCommandRequest.Production)
            .findFirst()
            .orElseThrow();

    ValidationException up =
        (ValidationException)
            catchThrowable(
                () ->
                    quotes.reduceOrder(
                        sales,
                        q.id(),
                        accepted.version(),
                        List.of(
                            new LineQuantity(1, new BigDecimal("3")),
                            new LineQuantity(9, BigDecimal.ONE)),
                        "more"));
    assertThat(up.errors())
        .extracting(ValidationException.FieldError::field)
        .containsExactly("lines[0].quantity", "lines[1].position");
    assertThatThrownBy(
            () ->
                quotes.reduceOrder(
                    sales,
                    q.id(),
                    accepted.version(),
                    List.of(new LineQuantity(1, new BigDecimal("-1"))),
                    "negative"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                quotes.reduceOrder(
                    sales,
                    q.id(),
                    accepted.version(),
                    List.of(new LineQuantity(1, new BigDecimal("2"))),
                    "the same"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("reduce nothing");
    assertThatThrownBy(
            () ->
                quotes.reduceOrder(
                    sales,
                    q.id(),
                    accepted.version(),
                    List.of(new LineQuantity(1, BigDecimal.ONE)),
                    " "))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                quotes.reduceOrder(
                    sales,
                    q.id(),
                    accepted.version(),
                    List.of(
                        new LineQuantity(1, BigDecimal.ZERO), new LineQuantity(2, BigDecimal.ZERO)),
                    "nothing left"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("cancel-order");
    assertThat(commandsOf(sales, a)).hasSize(2);

    Quote reduced =
        quotes.reduceOrder(
            sales,
            q.id(),
            accepted.version(),
            List.of(new LineQuantity(1, BigDecimal.ONE), new LineQuantity(2, new BigDecimal("5"))),
            "budget cut");
    assertThat(reduced.status()).isEqualTo(QuoteStatus.ACCEPTED);
    assertThat(reduced.lines().get(0).quantity()).isEqualByComparingTo("2");
    assertThat(reduced.lines().get(0).orderedQuantity()).isEqualByComparingTo("1");
    assertThat(reduced.lines().get(1).quantity()).isEqualByComparingTo("8");
    assertThat(reduced.lines().get(1).orderedQuantity()).isEqualByComparingTo("5");
    assertThat(reduced.total()).isEqualByComparingTo(accepted.total());
    ErpCommand change =
        commandsOf(sales, a).stream()
            .filter(c -> c.request() instanceof ErpCommandRequest.ChangeSale)
            .findFirst()
            .orElseThrow();
    assertThat(change.key()).isEqualTo("change-" + accepted.saleCommandId() + "-1");
    ErpCommandRequest.ChangeSale cs = (ErpCommandRequest.ChangeSale) change.request();
    assertThat(cs.saleCommandId()).isEqualTo(accepted.saleCommandId());
    assertThat(cs.reason()).isEqualTo("budget cut");
    assertThat(cs.lines()).extracting(SaleLineChange::position).containsExactly(1, 2);
    assertThat(cs.lines().get(0).quantity()).isEqualByComparingTo("1");
    assertThat(cs.lines().get(1).quantity()).isEqualByComparingTo("5");
    assertThat(commandsOf(sales, a))
        .filteredOn(c -> c.request() instanceof ErpCommandRequest.ChangeProduction)
        .singleElement()
        .satisfies(
            c -> {
              ErpCommandRequest.ChangeProduction p =
                  (ErpCommandRequest.ChangeProduction) c.request();
              assertThat(c.key()).isEqualTo("change-" + production.id() + "-1");
              assertThat(p.productionCommandId()).isEqualTo(production.id());
              assertThat(p.quantity()).isEqualByComparingTo("1");
            });

    // Once more, the configured line dropped: its production is stopped; the service stays.
    assertThatThrownBy(
            () ->
                quotes.reduceOrder(
                    sales,
                    q.id(),
                    reduced.version(),
                    List.of(new LineQuantity(2, new BigDecimal("6"))),
                    "up again"))
        .as("the quantity on order, not the quoted one, is the ceiling")
        .isInstanceOf(ValidationException.class);
    Quote dropped =
        quotes.reduceOrder(
            sales,
            q.id(),
            reduced.version(),
            List.of(new LineQuantity(1, BigDecimal.ZERO)),
            "no door");
    assertThat(dropped.lines().get(0).orderedQuantity()).isEqualByComparingTo("0");
    assertThat(commandsOf(sales, a))
        .filteredOn(c -> c.key().equals("change-" + accepted.saleCommandId() + "-2"))
        .hasSize(1);
    assertThat(commandsOf(sales, a))
        .filteredOn(c -> c.key().equals("change-" + production.id() + "-2"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(((ErpCommandRequest.ChangeProduction) c.request()).quantity())
                    .isEqualByComparingTo("0"));
    assertThat(opportunities.timeline(sales, o.id()))
        .filteredOn(e -> e.detail() != null && e.detail().startsWith("change-"))
        .hasSize(4);
  }

  @Test
  void anAcceptedConfiguredLineCommandsAProductionWithTheConfiguredBom() {
    Actor sales = user(Role.CRM_SALES);
    org.loopcrm.crm.api.cto.Configuration configured = configuredDoor(sales);

    Account a = account(sales, null);
    Opportunity o = opportunity(sales, a);
    QuoteLineDraft wrong =
        new QuoteLineDraft(
            "BELT-5", "Door", new BigDecimal("2"), configured.total(), null, configured.id());
    ValidationException e =
        (ValidationException)
            catchThrowable(
                () ->
                    quotes.create(
                        sales, o.id(), new QuoteDraft(null, null, null, null, List.of(wrong))));
    assertThat(e.errors().get(0).field()).isEqualTo("lines[0].productCode");
    QuoteLineDraft unknown =
        new QuoteLineDraft(
            "DOOR-IND", "Door", BigDecimal.ONE, BigDecimal.TEN, null, UUID.randomUUID());
    ValidationException missing =
        (ValidationException)
            catchThrowable(
                () ->
                    quotes.create(
                        sales, o.id(), new QuoteDraft(null, null, null, null, List.of(unknown))));
    assertThat(missing.errors().get(0).field()).isEqualTo("lines[0].configurationId");

    Quote q =
        quotes.create(
            sales,
            o.id(),
            new QuoteDraft(
                null,
                null,
                null,
                null,
                List.of(
                    new QuoteLineDraft(
                        "DOOR-IND",
                        "Industrial door, configured",
                        new BigDecimal("2"),
                        configured.total(),
                        null,
                        configured.id()),
                    line("SERVICE", "8", "95", null))));
    Quote sent = quotes.send(sales, q.id(), quotes.submit(sales, q.id(), q.version()).version());
    quotes.accept(sales, q.id(), sent.version());

    ErpCommand production =
        commandsOf(sales, a).stream()
            .filter(c -> c.request() instanceof ErpCommandRequest.Production)
            .collect(org.assertj.core.util.Lists::<ErpCommand>newArrayList, List::add, List::addAll)
            .stream()
            .reduce(
                (x, y) -> {
                  throw new AssertionError("one production expected");
                })
            .orElseThrow();
    assertThat(production.key()).isEqualTo("cto-" + q.id() + "-1");
    ErpCommandRequest.Production p = (ErpCommandRequest.Production) production.request();
    assertThat(p.productCode()).isEqualTo("DOOR-IND");
    assertThat(p.quantity()).isEqualByComparingTo("2");
    assertThat(p.bom()).isEqualTo(configured.bom());
    assertThat(p.bom())
        .contains(new org.loopcrm.crm.api.erp.port.BomLine("PANEL-S80-M2", new BigDecimal("16")));
  }

  @Test
  void theErpsAvailabilityAndCreditAreKeptOnTheQuoteOrWhyNot() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales, "P-" + UUID.randomUUID().toString().substring(0, 8));
    Opportunity o = opportunity(sales, a);
    Quote q =
        quotes.create(
            sales,
            o.id(),
            new QuoteDraft(null, null, LocalDate.parse("2026-12-15"), null, List.of()));

    // No ERP connected: the problem is recorded, nothing is thrown.
    Quote unchecked = quotes.check(sales, q.id());
    assertThat(unchecked.lines().get(0).availability().problem()).contains("no ERP");
    assertThat(unchecked.creditProblem()).contains("no ERP");
    assertThat(unchecked.checkedAt()).isNotNull();

    InventoryPort inventory =
        new InventoryPort() {
          @Override
          public String system() {
            return "test-erp";
          }

          @Override
          public Availability availability(
              String productCode, BigDecimal quantity, LocalDate date, String warehouse) {
            if (productCode.equals("SERVICE")) {
              throw new NotFoundException("product", productCode);
            }
            return new Availability(
                productCode,
                null,
                date,
                quantity,
                new BigDecimal("1"),
                new BigDecimal("5"),
                "u",
                Instant.parse("2026-11-23T09:59:00Z"));
          }
        };
    FinancePort finance =
        new FinancePort() {
          @Override
          public String system() {
            return "test-erp";
          }

          @Override
          public CreditStatus creditStatus(String erpRef) {
            return new CreditStatus(
                erpRef,
                new BigDecimal("9500"),
                null,
                new BigDecimal("10000"),
                "EUR",
                Instant.parse("2026-11-23T09:59:00Z"));
          }
        };
    erp.connect(inventory, finance);
    try {
      Quote checked = quotes.check(sales, q.id());
      assertThat(checked.lines().get(0).availability().available()).isTrue();
      assertThat(checked.lines().get(0).availability().forecast()).isEqualByComparingTo("5");
      assertThat(checked.lines().get(1).availability().problem()).contains("SERVICE");
      assertThat(checked.credit().allowed()).isFalse();
      assertThat(checked.credit().limit()).isEqualByComparingTo("10000");
      assertThat(checked.creditProblem()).isNull();
      // A viewer may not see credit: the check is refused for roles that may not change quotes.
      assertThatThrownBy(() -> quotes.check(user(Role.CRM_VIEWER), q.id()))
          .isInstanceOf(AccessDeniedException.class);
    } finally {
      erp.disconnect(inventory, finance);
    }
  }
}
