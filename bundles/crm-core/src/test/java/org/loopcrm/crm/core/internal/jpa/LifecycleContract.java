package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.activity.TimelineItem;
import org.loopcrm.crm.api.activity.TimelineQuery;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.audit.FieldChange;
import org.loopcrm.crm.api.erp.ApplyOutcome;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.lifecycle.LifecycleService.Sweep;
import org.loopcrm.crm.api.lifecycle.PurchaseFacts;
import org.loopcrm.crm.api.lifecycle.StageTransition;
import org.loopcrm.crm.api.lifecycle.TransitionCause;
import org.loopcrm.crm.core.internal.jpa.CrmServicesContract.MutableClock;

/**
 * The customer lifecycle on a real database: ERP invoices become purchase facts that move the stage
 * by the rules in the invoice's transaction, inactivity moves it when the sweep runs, people move
 * only accounts without purchases and only along the allowed moves, and every move is recorded,
 * audited, announced and on the timeline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LifecycleContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor ROUTE = Actor.system("scheduler");

  private final MutableClock clock = new MutableClock();
  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaErpFactService facts;
  private JpaLifecycleService lifecycle;
  private JpaTimelineService timeline;
  private JpaAuditService audit;
  private JpaOutboxService outbox;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, Clock.systemUTC());
    facts = new JpaErpFactService(emf, clock, LifecyclePolicy.defaults());
    lifecycle =
        new JpaLifecycleService(
            emf, clock, LifecyclePolicy.defaults(), AccessPolicy.privateAccess());
    timeline = new JpaTimelineService(emf);
    audit = new JpaAuditService(emf);
    outbox = new JpaOutboxService(emf, Clock.systemUTC());
  }

  @AfterAll
  void closeDatabase() {
    emf.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Actor user(String name, Role role) {
    return new Actor(name, Set.of(role), Actor.Channel.REST);
  }

  private Account account(Actor owner) {
    return accounts.create(
        owner, new AccountDraft(unique("Lifecycle"), unique("P"), owner.user(), null));
  }

  private ApplyOutcome invoice(Account a, String messageId, String amount) {
    return facts.applyInvoicePosted(
        new InvoicePosted(
            messageId,
            "tryton",
            a.erpRef(),
            "INV-" + messageId,
            new BigDecimal(amount),
            "EUR",
            clock.instant()));
  }

  private List<StageTransition> history(Actor actor, Account a) {
    return lifecycle.history(actor, a.id(), 50, null).items();
  }

  private void sweepAll() {
    String after = null;
    Sweep s;
    do {
      s = lifecycle.evaluateAll(ROUTE, after, 2);
      after = s.lastId();
    } while (s.examined() == 2);
  }

  @Test
  void invoicesMoveTheStageByTheRulesAndInactivityByTheSweep() {
    clock.set(Instant.parse("2026-01-05T10:00:00Z"));
    Actor sales = user(unique("sales"), Role.CRM_SALES);
    Account a = account(sales);
    assertThat(history(sales, a))
        .extracting(StageTransition::cause, StageTransition::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TransitionCause.CREATED, LifecycleStage.PROSPECT));

    assertThat(invoice(a, unique("m"), "100.00")).isEqualTo(ApplyOutcome.APPLIED);
    assertThat(accounts.get(sales, a.id()).stage()).isEqualTo(LifecycleStage.CUSTOMER);
    StageTransition first = history(sales, a).get(0);
    assertThat(first.from()).isEqualTo(LifecycleStage.PROSPECT);
    assertThat(first.cause()).isEqualTo(TransitionCause.RULE);
    assertThat(first.rule()).isEqualTo("CUSTOMER: purchases >= 1");
    assertThat(first.facts()).startsWith("purchases=1, purchasesInWindow=1");
    assertThat(first.user()).isEqualTo("lifecycle");

    clock.advance(Duration.ofDays(3));
    invoice(a, unique("m"), "50");
    assertThat(accounts.get(sales, a.id()).stage()).isEqualTo(LifecycleStage.REPEAT);
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofDays(10));
      invoice(a, unique("m"), "10");
    }
    assertThat(accounts.get(sales, a.id()).stage()).isEqualTo(LifecycleStage.LOYAL);
    PurchaseFacts f = lifecycle.facts(sales, a.id());
    assertThat(f.purchases()).isEqualTo(5);
    assertThat(f.purchasesInWindow()).isEqualTo(5);
    assertThat(f.daysSinceLastPurchase()).isZero();

    clock.advance(Duration.ofDays(200));
    sweepAll();
    assertThat(accounts.get(sales, a.id()).stage()).isEqualTo(LifecycleStage.AT_RISK);
    clock.advance(Duration.ofDays(200));
    sweepAll();
    assertThat(accounts.get(sales, a.id()).stage()).isEqualTo(LifecycleStage.CHURNED);
    sweepAll();
    // Won back: one purchase in the window, six in all.
    invoice(a, unique("m"), "75");
    assertThat(accounts.get(sales, a.id()).stage()).isEqualTo(LifecycleStage.REPEAT);

    assertThat(history(sales, a))
        .extracting(StageTransition::to)
        .containsExactly(
            LifecycleStage.REPEAT,
            LifecycleStage.CHURNED,
            LifecycleStage.AT_RISK,
            LifecycleStage.LOYAL,
            LifecycleStage.REPEAT,
            LifecycleStage.CUSTOMER,
            LifecycleStage.PROSPECT);
    assertThat(
            audit.history(ADMIN, AuditQuery.ofRecord("account", a.id(), 50)).items().stream()
                .filter(e -> e.user().equals("lifecycle"))
                .map(e -> e.changes().get(0)))
        .contains(
            new FieldChange("stage", "PROSPECT", "CUSTOMER"),
            new FieldChange("stage", "AT_RISK", "CHURNED"));
    List<OutboxEvent> events =
        outbox.pending(10_000).stream()
            .filter(e -> e.aggregateId().equals(a.id().toString()))
            .filter(e -> e.type().equals("account.stage-changed"))
            .toList();
    assertThat(events).hasSize(6);
    assertThat(events.get(0).payload())
        .contains("\"from\":\"PROSPECT\"")
        .contains("\"to\":\"CUSTOMER\"")
        .contains("\"cause\":\"RULE\"");
  }

  @Test
  void creditNotesAndRedeliveriesAreNoPurchases() {
    clock.set(Instant.parse("2026-03-01T08:00:00Z"));
    Actor sales = user(unique("sales"), Role.CRM_SALES);
    Account a = account(sales);
    String id = unique("m");
    invoice(a, id, "100");
    assertThat(invoice(a, id, "100")).isEqualTo(ApplyOutcome.DUPLICATE);
    invoice(a, unique("m"), "-100");
    assertThat(lifecycle.facts(sales, a.id()).purchases()).isEqualTo(1);
    assertThat(accounts.get(sales, a.id()).stage()).isEqualTo(LifecycleStage.CUSTOMER);
  }

  @Test
  void peopleMoveOnlyAccountsWithoutPurchasesAndOnlyAlongTheAllowedMoves() {
    clock.set(Instant.parse("2026-04-01T08:00:00Z"));
    Actor sales = user(unique("sales"), Role.CRM_SALES);
    Account a =
        accounts.create(
            sales,
            new AccountDraft(unique("Suspect"), unique("P"), sales.user(), LifecycleStage.SUSPECT));
    Account b =
        accounts.update(
            sales,
            a.id(),
            a.version(),
            new AccountDraft(a.name(), a.erpRef(), sales.user(), LifecycleStage.PROSPECT));
    assertThatThrownBy(
            () ->
                accounts.update(
                    sales,
                    a.id(),
                    b.version(),
                    new AccountDraft(a.name(), a.erpRef(), sales.user(), LifecycleStage.LOYAL)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("cannot move from PROSPECT to LOYAL");
    @SuppressWarnings("deprecation")
    LifecycleStage oldName = LifecycleStage.INACTIVE;
    Account c =
        accounts.update(
            sales,
            a.id(),
            b.version(),
            new AccountDraft(a.name(), a.erpRef(), sales.user(), oldName));
    assertThat(c.stage()).as("INACTIVE is stored as CHURNED").isEqualTo(LifecycleStage.CHURNED);
    assertThat(history(sales, a))
        .extracting(StageTransition::cause, StageTransition::from, StageTransition::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                TransitionCause.MANUAL, LifecycleStage.PROSPECT, LifecycleStage.CHURNED),
            org.assertj.core.groups.Tuple.tuple(
                TransitionCause.MANUAL, LifecycleStage.SUSPECT, LifecycleStage.PROSPECT),
            org.assertj.core.groups.Tuple.tuple(
                TransitionCause.CREATED, null, LifecycleStage.SUSPECT));

    invoice(c, unique("m"), "10");
    Account customer = accounts.get(sales, a.id());
    assertThat(customer.stage()).isEqualTo(LifecycleStage.CUSTOMER);
    assertThatThrownBy(
            () ->
                accounts.update(
                    sales,
                    a.id(),
                    customer.version(),
                    new AccountDraft(a.name(), a.erpRef(), sales.user(), LifecycleStage.CHURNED)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("has purchases");
    // Other fields still change.
    Account renamed =
        accounts.update(
            sales,
            a.id(),
            customer.version(),
            new AccountDraft(a.name() + " AG", a.erpRef(), sales.user(), LifecycleStage.CUSTOMER));
    assertThat(renamed.name()).endsWith(" AG");

    assertThatThrownBy(
            () ->
                accounts.create(
                    sales,
                    new AccountDraft(unique("Loyal"), null, sales.user(), LifecycleStage.LOYAL)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("reached through the lifecycle rules");
  }

  @Test
  void theTimelineShowsInvoicesToFinanceRolesAndTransitionsToAll() {
    clock.set(Instant.parse("2026-05-01T08:00:00Z"));
    Actor sales = user(unique("sales"), Role.CRM_SALES);
    Account a = account(sales);
    invoice(a, unique("m"), "120.50");

    List<TimelineItem> items =
        timeline
            .timeline(
                ADMIN, new TimelineQuery(a.id(), null, Set.of("invoice", "lifecycle"), 10, null))
            .items();
    assertThat(items)
        .extracting(TimelineItem::kind)
        .contains("invoice.posted", "lifecycle.customer");
    TimelineItem inv =
        items.stream().filter(i -> i.kind().equals("invoice.posted")).findFirst().orElseThrow();
    assertThat(inv.attributes()).containsEntry("amount", "120.5").containsEntry("currency", "EUR");
    assertThat(inv.at()).isEqualTo(clock.instant());

    // A viewer reads the account (public-read access) but sees no finance facts.
    Actor viewer = user(unique("viewer"), Role.CRM_VIEWER);
    JpaTimelineService publicRead =
        new JpaTimelineService(emf, null, new AccessPolicy(AccessPolicy.Mode.PUBLIC_READ));
    List<TimelineItem> seenByViewer =
        publicRead.timeline(viewer, new TimelineQuery(a.id(), null, Set.of(), 50, null)).items();
    assertThat(seenByViewer).extracting(TimelineItem::kind).contains("lifecycle.customer");
    assertThat(seenByViewer)
        .extracting(TimelineItem::kind)
        .noneMatch(k -> k.startsWith("invoice."));
  }

  @Test
  void theLifecycleObeysRolesAndRecordAccess() {
    Actor owner = user(unique("sales"), Role.CRM_SALES);
    Actor stranger = user(unique("sales"), Role.CRM_SALES);
    Account a = account(owner);
    assertThatThrownBy(() -> lifecycle.history(stranger, a.id(), 10, null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> lifecycle.evaluate(stranger, a.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> lifecycle.evaluateAll(owner, null, 10))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(lifecycle.evaluate(owner, a.id())).as("no purchases, no move").isEmpty();
    assertThatThrownBy(() -> lifecycle.history(owner, a.id(), 10, "not-a-cursor"))
        .isInstanceOf(ValidationException.class);
    assertThat(lifecycle.rules(owner)).hasSize(5);
  }
}
