package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.activity.TimelineItem;
import org.loopcrm.crm.api.activity.TimelineQuery;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.audit.FieldChange;
import org.loopcrm.crm.api.erp.ApplyOutcome;
import org.loopcrm.crm.api.erp.ConflictPolicy;
import org.loopcrm.crm.api.erp.DocumentChanged;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.ErpDocument;
import org.loopcrm.crm.api.erp.ErpSnapshot;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.erp.PartyChanged;
import org.loopcrm.crm.api.erp.PaymentReceived;
import org.loopcrm.crm.api.erp.ReceivableBalance;
import org.loopcrm.crm.api.erp.StreamPosition;
import org.loopcrm.crm.api.erp.SyncConflict;
import org.loopcrm.crm.api.erp.Watermark;
import org.loopcrm.crm.api.erp.port.PostalAddress;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.merge.Merge;
import org.loopcrm.crm.api.merge.MergeParty;
import org.loopcrm.crm.api.merge.MergeRequest;
import org.loopcrm.crm.api.merge.PartyKind;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.ExternalRefDraft;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.core.internal.jpa.CrmServicesContract.MutableClock;
import org.loopcrm.crm.core.internal.plugin.PluginPipeline;

/**
 * ERP facts on a real database: every kind applied once however often it is delivered, late facts
 * recorded as stale, watermarks that move with the fact's transaction and only forward (unless an
 * administrator rewinds them), party changes applied or recorded as conflicts under each policy,
 * and the account's ERP view (snapshot, documents, timeline) gated by the roles that see money.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ErpFactsContract {
  static final String ERP = "tryton";
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor INTEGRATION = Actor.system("connector");

  private final MutableClock clock = new MutableClock();
  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaPartyService parties;
  private JpaErpFactService facts;
  private JpaErpAccountService erp;
  private JpaTimelineService timeline;
  private JpaAuditService audit;
  private JpaOutboxService outbox;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, clock);
    parties = new JpaPartyService(emf, clock, AccessPolicy.privateAccess());
    facts = factsUnder(ConflictPolicy.ERP_WINS);
    erp = new JpaErpAccountService(emf, clock, AccessPolicy.privateAccess());
    timeline = new JpaTimelineService(emf);
    audit = new JpaAuditService(emf);
    outbox = new JpaOutboxService(emf, clock);
  }

  @AfterAll
  void closeDatabase() {
    emf.close();
  }

  private JpaErpFactService factsUnder(ConflictPolicy policy) {
    return new JpaErpFactService(emf, clock, LifecyclePolicy.defaults(), new ErpSyncPolicy(policy));
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Actor user(Role role) {
    return new Actor(unique(role.realmName()), Set.of(role), Actor.Channel.REST);
  }

  private Account account(Actor owner) {
    return accounts.create(
        owner, new AccountDraft(unique("Erp"), unique("C"), owner.user(), LifecycleStage.PROSPECT));
  }

  private InvoicePosted invoice(Account a, String amount, String currency) {
    return new InvoicePosted(
        unique("inv"),
        ERP,
        a.erpRef(),
        unique("INV"),
        new BigDecimal(amount),
        currency,
        clock.instant());
  }

  private PaymentReceived payment(String ref, String amount, String invoiceNumber) {
    return new PaymentReceived(
        unique("pay"),
        ERP,
        ref,
        unique("P"),
        invoiceNumber,
        new BigDecimal(amount),
        "EUR",
        clock.instant());
  }

  private ReceivableBalance balance(String ref, String open, Instant asOf) {
    return new ReceivableBalance(
        unique("bal"),
        ERP,
        ref,
        new BigDecimal(open),
        new BigDecimal("40"),
        new BigDecimal("1000"),
        "EUR",
        asOf);
  }

  private DocumentChanged document(
      String ref, DocumentKind kind, String documentRef, String state, Instant at) {
    return new DocumentChanged(
        unique("doc"),
        ERP,
        ref,
        kind,
        documentRef,
        "N-" + documentRef,
        state,
        new BigDecimal("250.00"),
        "EUR",
        null,
        at);
  }

  private PartyChanged party(String ref, String name, String email, Instant at) {
    return new PartyChanged(
        unique("party"),
        ERP,
        ref,
        null,
        name,
        "de 123 456 789",
        email,
        "030 1234567",
        List.of(new PostalAddress("Hauptstr. 1", "10115", "Berlin", "DE", true, true)),
        at);
  }

  private List<OutboxEvent> events(UUID accountId, String type) {
    return outbox.pending(100_000).stream()
        .filter(e -> e.aggregateId().equals(accountId.toString()))
        .filter(e -> e.type().equals(type))
        .toList();
  }

  private List<AuditEntry> history(UUID accountId) {
    return audit.history(ADMIN, AuditQuery.ofRecord("account", accountId, 100)).items();
  }

  private String mechanism(Account a, MechanismKind kind) {
    return parties.mechanisms(ADMIN, PartyKey.account(a.id())).stream()
        .filter(m -> m.kind() == kind)
        .map(ContactMechanism::value)
        .findFirst()
        .orElse(null);
  }

  private List<TimelineItem> timeline(Actor actor, Account a, Set<String> kinds) {
    return timeline.timeline(actor, new TimelineQuery(a.id(), null, kinds, 100, null)).items();
  }

  // --- exactly once

  @Test
  void everyKindOfFactDeliveredTwiceHasOneEffect() {
    clock.set(Instant.parse("2026-06-01T10:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    InvoicePosted inv = invoice(a, "300", "EUR");
    PaymentReceived pay = payment(a.erpRef(), "100", inv.invoiceNumber());
    DocumentChanged doc =
        document(a.erpRef(), DocumentKind.SALE, unique("S"), "confirmed", clock.instant());
    PartyChanged party = party(a.erpRef(), "Renamed GmbH", "info@Renamed.example", clock.instant());
    for (var fact : List.of(inv, pay, doc, party)) {
      assertThat(facts.apply(fact)).as(fact.messageId()).isEqualTo(ApplyOutcome.APPLIED);
      assertThat(facts.apply(fact)).as(fact.messageId()).isEqualTo(ApplyOutcome.DUPLICATE);
    }
    ErpSnapshot s = erp.snapshot(sales, a.id());
    assertThat(s.receivable()).isEqualByComparingTo("200");
    assertThat(s.invoiceCount()).isEqualTo(1);
    assertThat(s.paymentCount()).isEqualTo(1);
    assertThat(s.lastPaymentAt()).isEqualTo(clock.instant());
    assertThat(s.documents()).containsExactly(Map.entry(DocumentKind.SALE, 1L));
    assertThat(events(a.id(), "account.receivables-changed")).hasSize(2);
    assertThat(events(a.id(), "account.erp-document-changed")).hasSize(1);
    assertThat(history(a.id()).stream().filter(e -> e.user().equals("erp"))).hasSize(1);

    ReceivableBalance bal = balance(a.erpRef(), "180", clock.instant());
    assertThat(facts.apply(bal)).isEqualTo(ApplyOutcome.APPLIED);
    assertThat(facts.apply(bal)).isEqualTo(ApplyOutcome.DUPLICATE);
    s = erp.snapshot(sales, a.id());
    assertThat(s.receivable()).isEqualByComparingTo("180");
    assertThat(s.overdue()).isEqualByComparingTo("40");
    assertThat(s.creditLimit()).isEqualByComparingTo("1000");
    assertThat(s.balanceAsOf()).isEqualTo(clock.instant());
    assertThat(s.overCreditLimit()).isFalse();
    assertThat(events(a.id(), "account.receivables-changed")).hasSize(3);
    // The account's own API shows the same open amount.
    assertThat(accounts.get(sales, a.id()).receivables().open()).isEqualByComparingTo("180");
  }

  @Test
  void lateFactsAreStaleRecordedAndChangeNothing() {
    clock.set(Instant.parse("2026-06-02T10:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    Instant t = clock.instant();
    assertThat(facts.apply(balance(a.erpRef(), "500", t))).isEqualTo(ApplyOutcome.APPLIED);
    ReceivableBalance older = balance(a.erpRef(), "10", t.minusSeconds(60));
    assertThat(facts.apply(older)).isEqualTo(ApplyOutcome.STALE);
    assertThat(facts.apply(older)).as("stale is processed too").isEqualTo(ApplyOutcome.DUPLICATE);
    assertThat(erp.snapshot(sales, a.id()).receivable()).isEqualByComparingTo("500");

    // An invoice or payment from before the balance is in it already: counted, not added again.
    InvoicePosted before =
        new InvoicePosted(
            unique("inv"),
            ERP,
            a.erpRef(),
            "INV-OLD",
            new BigDecimal("70"),
            "EUR",
            t.minusSeconds(5));
    assertThat(facts.apply(before)).isEqualTo(ApplyOutcome.APPLIED);
    clock.advance(Duration.ofMinutes(1));
    assertThat(facts.apply(invoice(a, "30", "EUR"))).isEqualTo(ApplyOutcome.APPLIED);
    ErpSnapshot s = erp.snapshot(sales, a.id());
    assertThat(s.receivable()).isEqualByComparingTo("530");
    assertThat(s.invoiceCount()).isEqualTo(2);

    String ref = unique("S");
    Instant changed = clock.instant();
    assertThat(facts.apply(document(a.erpRef(), DocumentKind.SALE, ref, "processing", changed)))
        .isEqualTo(ApplyOutcome.APPLIED);
    assertThat(
            facts.apply(
                document(a.erpRef(), DocumentKind.SALE, ref, "confirmed", changed.minusSeconds(1))))
        .isEqualTo(ApplyOutcome.STALE);
    assertThat(erp.documents(sales, a.id(), null, 10, null).items())
        .extracting(ErpDocument::state)
        .containsExactly("processing");

    assertThat(facts.apply(party(a.erpRef(), "Newer AG", null, changed)))
        .isEqualTo(ApplyOutcome.APPLIED);
    assertThat(facts.apply(party(a.erpRef(), "Older AG", null, changed.minusSeconds(9))))
        .isEqualTo(ApplyOutcome.STALE);
    assertThat(accounts.get(sales, a.id()).name()).isEqualTo("Newer AG");
  }

  @Test
  void aPaymentOrInvoiceInAnotherCurrencyIsRefusedAndNotRecorded() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    facts.apply(invoice(a, "10", "EUR"));
    PaymentReceived usd =
        new PaymentReceived(
            unique("pay"), ERP, a.erpRef(), "P-1", null, new BigDecimal("5"), "USD", Instant.now());
    assertThatThrownBy(() -> facts.apply(usd))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("EUR");
    assertThatThrownBy(() -> facts.apply(usd)).isInstanceOf(ValidationException.class);
    assertThat(erp.snapshot(sales, a.id()).paymentCount()).isZero();
  }

  // --- resolution of the customer

  @Test
  void anUnknownCustomerIsNotFoundAndLeavesTheWatermarkWhereItWas() {
    String stream = unique("invoice");
    String ref = unique("C");
    PaymentReceived p = payment(ref, "10", null);
    Watermark w = new Watermark(Instant.parse("2026-06-03T08:00:00Z"), 17);
    assertThatThrownBy(() -> facts.apply(p, stream, w)).isInstanceOf(NotFoundException.class);
    assertThat(facts.watermark(ERP, stream)).isEqualTo(Watermark.ORIGIN);

    // Nothing was recorded, so the same fact applies once the account exists.
    Actor sales = user(Role.CRM_SALES);
    accounts.create(sales, new AccountDraft(unique("Late"), ref, sales.user(), null));
    assertThat(facts.apply(p, stream, w)).isEqualTo(ApplyOutcome.APPLIED);
    assertThat(facts.watermark(ERP, stream)).isEqualTo(w);
    assertThat(facts.apply(p, stream, w)).isEqualTo(ApplyOutcome.DUPLICATE);
  }

  @Test
  void externalReferencesResolveAndAContactsStandsForItsAccountExceptForPartyChanges() {
    Actor sales = user(Role.CRM_SALES);
    Account a =
        accounts.create(sales, new AccountDraft(unique("NoErpRef"), null, sales.user(), null));
    String orgRef = unique("org");
    parties.addExternalRef(sales, PartyKey.account(a.id()), new ExternalRefDraft(ERP, orgRef));
    Contact c =
        accounts.addContact(sales, a.id(), new ContactDraft("Ann", "Lee", null, null, null));
    String personRef = unique("person");
    parties.addExternalRef(
        sales, PartyKey.contact(a.id(), c.id()), new ExternalRefDraft(ERP, personRef));

    assertThat(facts.apply(payment(orgRef, "5", null))).isEqualTo(ApplyOutcome.APPLIED);
    assertThat(facts.apply(payment(personRef, "7", null))).isEqualTo(ApplyOutcome.APPLIED);
    assertThat(erp.snapshot(sales, a.id()).paymentCount()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                facts.apply(
                    party(personRef, "Ann Lee", null, Instant.parse("2026-01-01T00:00:00Z"))))
        .isInstanceOf(NotFoundException.class);
    assertThat(facts.apply(party(orgRef, "Linked Ltd", null, Instant.now())))
        .isEqualTo(ApplyOutcome.APPLIED);
    assertThat(accounts.get(sales, a.id()).name()).isEqualTo("Linked Ltd");
  }

  // --- watermarks

  @Test
  void watermarksMoveOnlyForwardUnlessAnAdministratorRewindsThem() {
    String stream = unique("party");
    Watermark t1 = new Watermark(Instant.parse("2026-06-04T08:00:00Z"), 5);
    Watermark t2 = new Watermark(Instant.parse("2026-06-04T08:00:00Z"), 9);
    Watermark t0 = new Watermark(Instant.parse("2026-06-01T00:00:00Z"), 0);
    facts.advance(ERP, stream, t2);
    facts.advance(ERP, stream, t1);
    assertThat(facts.watermark(ERP, stream)).isEqualTo(t2);

    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    assertThat(facts.apply(payment(a.erpRef(), "1", null), stream, t1))
        .as("an older watermark with a fact")
        .isEqualTo(ApplyOutcome.APPLIED);
    assertThat(facts.watermark(ERP, stream)).isEqualTo(t2);

    assertThatThrownBy(() -> facts.rewind(INTEGRATION, ERP, stream, t0))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> facts.rewind(sales, ERP, stream, t0))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> facts.streams(sales)).isInstanceOf(AccessDeniedException.class);
    assertThat(facts.watermark(ERP, stream)).isEqualTo(t2);

    clock.set(Instant.parse("2026-06-04T09:00:00Z"));
    StreamPosition p = facts.rewind(ADMIN, ERP, stream, t0);
    assertThat(p).isEqualTo(new StreamPosition(ERP, stream, t0, clock.instant()));
    assertThat(facts.watermark(ERP, stream)).isEqualTo(t0);
    assertThat(facts.streams(INTEGRATION)).contains(p);
    List<AuditEntry> rewinds =
        audit
            .history(
                ADMIN,
                AuditQuery.ofRecord(
                    JpaErpFactService.STREAM_RECORD,
                    JpaErpFactService.streamRecordId(ERP, stream),
                    10))
            .items();
    assertThat(rewinds).hasSize(1);
    assertThat(rewinds.get(0).user()).isEqualTo("admin");
    assertThat(rewinds.get(0).changes())
        .contains(new FieldChange("lastId", "9", "0"))
        .extracting(FieldChange::field)
        .contains("changedAt");
    assertThatThrownBy(() -> facts.advance(ERP, " ", t0)).isInstanceOf(ValidationException.class);
  }

  // --- party changes and conflicts

  @Test
  void aPartyChangeAppliesTheErpMasterDataAsTheIntegrationAndTheSameValuesChangeNothing() {
    clock.set(Instant.parse("2026-06-05T10:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    PartyChanged f = party(a.erpRef(), "Master Data GmbH", "Sales@Master.Example", clock.instant());
    assertThat(facts.apply(f)).isEqualTo(ApplyOutcome.APPLIED);
    Account after = accounts.get(sales, a.id());
    assertThat(after.name()).isEqualTo("Master Data GmbH");
    assertThat(after.taxId()).isEqualTo("DE123456789");
    assertThat(after.version()).isGreaterThan(a.version());
    assertThat(mechanism(a, MechanismKind.EMAIL)).isEqualTo("Sales@master.example");
    assertThat(mechanism(a, MechanismKind.PHONE)).isEqualTo("+49301234567");
    AuditEntry entry = history(a.id()).get(0);
    assertThat(entry.user()).isEqualTo("erp");
    assertThat(entry.channel()).isEqualTo(Actor.Channel.ROUTE);
    assertThat(entry.changes())
        .extracting(FieldChange::field)
        .containsExactlyInAnyOrder("name", "taxId", "email", "phone");
    assertThat(events(a.id(), "account.updated")).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    assertThat(facts.apply(party(a.erpRef(), "Master Data GmbH", null, clock.instant())))
        .isEqualTo(ApplyOutcome.APPLIED);
    assertThat(accounts.get(sales, a.id()).version()).isEqualTo(after.version());
    assertThat(history(a.id())).hasSize(2);
    assertThat(mechanism(a, MechanismKind.EMAIL))
        .as("the ERP not knowing an e-mail clears nothing")
        .isEqualTo("Sales@master.example");
  }

  @Test
  void aPartyChangeTheErpItselfCausedNoConflict() {
    clock.set(Instant.parse("2026-06-06T10:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    facts.apply(party(a.erpRef(), "First GmbH", null, clock.instant()));
    // Invoices move the version (receivables, stage) but are no CRM edit.
    facts.apply(invoice(a, "10", "EUR"));
    facts.apply(balance(a.erpRef(), "10", clock.instant()));
    clock.advance(Duration.ofMinutes(1));
    assertThat(facts.apply(party(a.erpRef(), "Second GmbH", null, clock.instant())))
        .isEqualTo(ApplyOutcome.APPLIED);
    assertThat(accounts.get(sales, a.id()).name()).isEqualTo("Second GmbH");
    // Neither does the stage the lifecycle rules move for inactivity.
    clock.advance(Duration.ofDays(200));
    Account before = accounts.get(sales, a.id());
    new JpaLifecycleService(emf, clock, LifecyclePolicy.defaults(), AccessPolicy.privateAccess())
        .evaluate(sales, a.id());
    assertThat(accounts.get(sales, a.id()).stage()).isEqualTo(LifecycleStage.AT_RISK);
    assertThat(accounts.get(sales, a.id()).version()).isGreaterThan(before.version());
    assertThat(facts.apply(party(a.erpRef(), "Third GmbH", null, clock.instant())))
        .isEqualTo(ApplyOutcome.APPLIED);
  }

  /** An account agreed with the ERP, then renamed in the CRM; returns it after the rename. */
  private Account editedInTheCrm(Actor sales) {
    Account a = account(sales);
    facts.apply(party(a.erpRef(), "Agreed GmbH", null, clock.instant()));
    Account agreed = accounts.get(sales, a.id());
    return accounts.update(
        sales,
        a.id(),
        agreed.version(),
        new AccountDraft(
            "Crm Name GmbH", a.erpRef(), agreed.taxId(), sales.user(), agreed.stage()));
  }

  private SyncConflict conflictOf(Account a) {
    String after = null;
    do {
      Page<SyncConflict> page = erp.conflicts(ADMIN, false, 50, after);
      for (SyncConflict c : page.items()) {
        if (c.accountId().equals(a.id())) {
          return c;
        }
      }
      after = page.nextCursor().orElse(null);
    } while (after != null);
    throw new AssertionError("no conflict of " + a.id());
  }

  @Test
  void underErpWinsAConflictAppliesTheErpValuesAndIsRecordedAsTookErp() {
    clock.set(Instant.parse("2026-06-07T10:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = editedInTheCrm(sales);
    clock.advance(Duration.ofMinutes(1));
    assertThat(facts.apply(party(a.erpRef(), "Erp Name GmbH", null, clock.instant())))
        .isEqualTo(ApplyOutcome.CONFLICT);
    assertThat(accounts.get(sales, a.id()).name()).isEqualTo("Erp Name GmbH");
    SyncConflict c = conflictOf(a);
    assertThat(c.status()).isEqualTo(SyncConflict.Status.TOOK_ERP);
    assertThat(c.resolvedBy()).isEqualTo("policy");
    assertThat(c.erpValues()).containsExactly(Map.entry("name", "Erp Name GmbH"));
    assertThat(c.crmValues()).containsExactly(Map.entry("name", "Crm Name GmbH"));
    assertThat(events(a.id(), "account.erp-conflict")).hasSize(1);
    // Agreed again: the next ERP change applies.
    clock.advance(Duration.ofMinutes(1));
    assertThat(facts.apply(party(a.erpRef(), "Later GmbH", null, clock.instant())))
        .isEqualTo(ApplyOutcome.APPLIED);
  }

  @Test
  void aPrimaryEmailChangedInTheCrmIsACrmChangeThoughTheAccountVersionStays() {
    clock.set(Instant.parse("2026-06-07T12:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    facts.apply(party(a.erpRef(), "Mail GmbH", "old@mail.example", clock.instant()));
    ContactMechanism m =
        parties.mechanisms(sales, PartyKey.account(a.id())).stream()
            .filter(x -> x.kind() == MechanismKind.EMAIL)
            .findFirst()
            .orElseThrow();
    clock.advance(Duration.ofMinutes(1));
    parties.updateMechanism(
        sales,
        PartyKey.account(a.id()),
        m.id(),
        m.version(),
        new ContactMechanismDraft(
            MechanismKind.EMAIL, "crm@mail.example", null, null, null, m.purposes(), null, null));
    clock.advance(Duration.ofMinutes(1));
    assertThat(
            factsUnder(ConflictPolicy.MANUAL)
                .apply(party(a.erpRef(), "Mail GmbH", "erp@mail.example", clock.instant())))
        .isEqualTo(ApplyOutcome.CONFLICT);
    assertThat(mechanism(a, MechanismKind.EMAIL)).isEqualTo("crm@mail.example");
    assertThat(conflictOf(a).crmValues()).containsExactly(Map.entry("email", "crm@mail.example"));
  }

  @Test
  void underCrmWinsTheCrmValuesStayAndTheAccountIsMarkedForTheErp() {
    clock.set(Instant.parse("2026-06-08T10:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = editedInTheCrm(sales);
    int updates = events(a.id(), "account.updated").size();
    clock.advance(Duration.ofMinutes(1));
    assertThat(
            factsUnder(ConflictPolicy.CRM_WINS)
                .apply(party(a.erpRef(), "Erp Name GmbH", null, clock.instant())))
        .isEqualTo(ApplyOutcome.CONFLICT);
    assertThat(accounts.get(sales, a.id()).name()).isEqualTo("Crm Name GmbH");
    SyncConflict c = conflictOf(a);
    assertThat(c.status()).isEqualTo(SyncConflict.Status.KEPT_CRM);
    assertThat(c.resolvedBy()).isEqualTo("policy");
    List<OutboxEvent> pushes = events(a.id(), "account.updated");
    assertThat(pushes).hasSize(updates + 1);
    assertThat(pushes.get(pushes.size() - 1).payload()).contains("\"erpPush\":\"tryton\"");
  }

  @Test
  void underManualNothingIsAppliedUntilAPersonResolves() {
    clock.set(Instant.parse("2026-06-09T10:00:00Z"));
    JpaErpFactService manual = factsUnder(ConflictPolicy.MANUAL);
    Actor sales = user(Role.CRM_SALES);
    Account a = editedInTheCrm(sales);
    clock.advance(Duration.ofMinutes(1));
    assertThat(manual.apply(party(a.erpRef(), "Erp Name GmbH", "a@erp.example", clock.instant())))
        .isEqualTo(ApplyOutcome.CONFLICT);
    assertThat(accounts.get(sales, a.id()).name()).isEqualTo("Crm Name GmbH");
    SyncConflict open = conflictOf(a);
    assertThat(open.status()).isEqualTo(SyncConflict.Status.OPEN);
    assertThat(open.erpValues()).containsEntry("email", "a@erp.example");
    assertThat(open.crmValues()).doesNotContainKey("email");
    assertThat(erp.conflicts(INTEGRATION, true, 200, null).items()).contains(open);

    assertThatThrownBy(() -> erp.conflicts(sales, true, 10, null))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> erp.resolve(sales, open.id(), SyncConflict.Status.TOOK_ERP))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> erp.resolve(ADMIN, open.id(), SyncConflict.Status.OPEN))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> erp.resolve(ADMIN, UUID.randomUUID(), SyncConflict.Status.KEPT_CRM))
        .isInstanceOf(NotFoundException.class);

    clock.advance(Duration.ofMinutes(1));
    SyncConflict took = erp.resolve(ADMIN, open.id(), SyncConflict.Status.TOOK_ERP);
    assertThat(took.status()).isEqualTo(SyncConflict.Status.TOOK_ERP);
    assertThat(took.resolvedBy()).isEqualTo("admin");
    assertThat(took.resolvedAt()).isEqualTo(clock.instant());
    assertThat(accounts.get(sales, a.id()).name()).isEqualTo("Erp Name GmbH");
    assertThat(mechanism(a, MechanismKind.EMAIL)).isEqualTo("a@erp.example");
    assertThat(history(a.id()).get(0).user()).isEqualTo("admin");
    assertThat(erp.conflicts(ADMIN, true, 200, null).items()).doesNotContain(open);
    assertThatThrownBy(() -> erp.resolve(ADMIN, open.id(), SyncConflict.Status.KEPT_CRM))
        .isInstanceOf(ConflictException.class);

    // Kept: the CRM's values stay and the account is pushed to the ERP.
    Account b = editedInTheCrm(sales);
    clock.advance(Duration.ofMinutes(1));
    manual.apply(party(b.erpRef(), "Erp Name GmbH", null, clock.instant()));
    SyncConflict second = conflictOf(b);
    int updates = events(b.id(), "account.updated").size();
    assertThat(erp.resolve(INTEGRATION, second.id(), SyncConflict.Status.KEPT_CRM).status())
        .isEqualTo(SyncConflict.Status.KEPT_CRM);
    assertThat(accounts.get(sales, b.id()).name()).isEqualTo("Crm Name GmbH");
    assertThat(events(b.id(), "account.updated")).hasSize(updates + 1);
  }

  @Test
  void recordPushedLinksTheAccountSoTheNextErpChangeIsNoConflict() {
    clock.set(Instant.parse("2026-06-10T10:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a =
        accounts.create(sales, new AccountDraft(unique("Pushed"), null, sales.user(), null));
    String ref = unique("C");
    assertThat(facts.agreedRef(ERP, a.id(), a.version())).isEmpty();
    facts.recordPushed(ERP, a.id(), ref, a.version());
    Account linked = accounts.get(sales, a.id());
    assertThat(linked.erpRef()).isEqualTo(ref);
    // What the connector wrote is what the ERP holds: that version needs no second write.
    assertThat(facts.agreedRef(ERP, a.id(), linked.version())).contains(ref);
    assertThat(facts.agreedRef("other-erp", a.id(), linked.version())).isEmpty();
    assertThat(events(a.id(), "account.erp-linked")).hasSize(1);
    assertThat(history(a.id()).get(0).changes())
        .contains(
            new FieldChange("erpRef", null, ref), new FieldChange("externalRef.tryton", null, ref));
    clock.advance(Duration.ofMinutes(1));
    assertThat(facts.apply(party(ref, "Erp Side Name", null, clock.instant())))
        .isEqualTo(ApplyOutcome.APPLIED);
    // The account the ERP's change left is the ERP's: pushing it back would only echo it.
    Account renamed = accounts.get(sales, a.id());
    assertThat(renamed.version()).isGreaterThan(linked.version());
    assertThat(facts.agreedRef(ERP, a.id(), renamed.version())).contains(ref);
    Account edited =
        accounts.update(
            sales,
            a.id(),
            renamed.version(),
            new AccountDraft("Crm Side Name", ref, null, sales.user(), renamed.stage()));
    assertThat(facts.agreedRef(ERP, a.id(), edited.version())).isEmpty();

    Account other = account(sales);
    assertThatThrownBy(() -> facts.recordPushed(ERP, other.id(), ref, other.version()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> facts.recordPushed(ERP, UUID.randomUUID(), unique("C"), 0))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aMergeMovesTheErpFactsAndItsUndoMovesThemBack() {
    clock.set(Instant.parse("2026-06-10T12:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account survivor = account(sales);
    Account loser = account(sales);
    facts.apply(party(survivor.erpRef(), "Survivor AG", null, clock.instant()));
    facts.apply(party(loser.erpRef(), "Loser AG", null, clock.instant()));
    facts.apply(
        document(survivor.erpRef(), DocumentKind.SALE, unique("S"), "done", clock.instant()));
    facts.apply(
        document(loser.erpRef(), DocumentKind.SHIPMENT, unique("H"), "sent", clock.instant()));
    facts.apply(payment(loser.erpRef(), "20", null));
    facts.apply(balance(loser.erpRef(), "80", clock.instant()));
    survivor = accounts.get(sales, survivor.id());
    loser = accounts.get(sales, loser.id());
    JpaMergeService merges =
        new JpaMergeService(emf, clock, new PluginPipeline(), AccessPolicy.privateAccess());

    Merge m =
        merges.merge(
            ADMIN,
            new MergeRequest(
                PartyKind.ACCOUNT,
                new MergeParty(survivor.id(), survivor.version()),
                List.of(new MergeParty(loser.id(), loser.version())),
                Map.of("erpRef", loser.id())));
    ErpSnapshot s = erp.snapshot(sales, survivor.id());
    assertThat(s.receivable()).isEqualByComparingTo("80");
    assertThat(s.paymentCount()).isEqualTo(1);
    assertThat(s.balanceAsOf()).isEqualTo(clock.instant());
    assertThat(s.documents())
        .containsOnly(Map.entry(DocumentKind.SALE, 1L), Map.entry(DocumentKind.SHIPMENT, 1L));
    assertThat(timeline(sales, accounts.get(sales, survivor.id()), Set.of("payment", "shipment")))
        .extracting(TimelineItem::kind)
        .containsExactlyInAnyOrder("payment.received", "shipment.sent");

    merges.undo(ADMIN, m.id());
    assertThat(erp.snapshot(sales, survivor.id()).documents())
        .containsOnly(Map.entry(DocumentKind.SALE, 1L));
    assertThat(erp.snapshot(sales, loser.id()).paymentCount()).isEqualTo(1);
  }

  // --- the account's ERP view

  @Test
  void theSnapshotIsForRolesThatSeeFinanceFacts() {
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    facts.apply(balance(a.erpRef(), "1200", Instant.now()));
    ErpSnapshot s = erp.snapshot(sales, a.id());
    assertThat(s.overCreditLimit()).isTrue();
    assertThat(s.currency()).isEqualTo("EUR");

    JpaErpAccountService publicRead =
        new JpaErpAccountService(emf, clock, new AccessPolicy(AccessPolicy.Mode.PUBLIC_READ));
    for (Role role : List.of(Role.CRM_VIEWER, Role.CRM_MARKETING, Role.CRM_SERVICE)) {
      assertThatThrownBy(() -> publicRead.snapshot(user(role), a.id()))
          .as(role.realmName())
          .isInstanceOf(AccessDeniedException.class);
    }
    assertThat(publicRead.snapshot(user(Role.CRM_MANAGER), a.id()).receivable())
        .isEqualByComparingTo("1200");
    assertThatThrownBy(() -> erp.snapshot(user(Role.CRM_SALES), a.id()))
        .as("another owner's account")
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void documentsArePagedMostRecentlyChangedFirstAndInvoicesAreFinanceFacts() {
    clock.set(Instant.parse("2026-06-11T10:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String ref = "S-" + i + "-" + unique("d");
      refs.add(0, ref);
      facts.apply(document(a.erpRef(), DocumentKind.SALE, ref, "confirmed", clock.instant()));
      clock.advance(Duration.ofSeconds(1));
    }
    facts.apply(document(a.erpRef(), DocumentKind.INVOICE, unique("I"), "posted", clock.instant()));

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<ErpDocument> page = erp.documents(sales, a.id(), DocumentKind.SALE, 2, cursor);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
      page.items().forEach(d -> seen.add(d.documentRef()));
      cursor = page.nextCursor().orElse(null);
    } while (cursor != null);
    assertThat(seen).containsExactlyElementsOf(refs);
    ErpDocument first = erp.documents(sales, a.id(), null, 1, null).items().get(0);
    assertThat(first.kind()).isEqualTo(DocumentKind.INVOICE);
    assertThat(first.amount()).isEqualByComparingTo("250");

    String cursorOfSales =
        erp.documents(sales, a.id(), DocumentKind.SALE, 2, null).nextCursor().orElseThrow();
    assertThatThrownBy(() -> erp.documents(sales, a.id(), null, 2, cursorOfSales))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> erp.documents(sales, a.id(), null, 0, null))
        .isInstanceOf(ValidationException.class);

    JpaErpAccountService publicRead =
        new JpaErpAccountService(emf, clock, new AccessPolicy(AccessPolicy.Mode.PUBLIC_READ));
    Actor viewer = user(Role.CRM_VIEWER);
    List<ErpDocument> seenByViewer = publicRead.documents(viewer, a.id(), null, 50, null).items();
    assertThat(seenByViewer).hasSize(5).allMatch(d -> d.kind() == DocumentKind.SALE);
    assertThat(seenByViewer).allMatch(d -> d.amount() == null && d.currency() == null);
    assertThatThrownBy(() -> publicRead.documents(viewer, a.id(), DocumentKind.INVOICE, 5, null))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void theTimelineShowsPaymentsAndDocumentChanges() {
    clock.set(Instant.parse("2026-06-12T10:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    facts.apply(payment(a.erpRef(), "99.50", "INV-7"));
    String ref = unique("S");
    clock.advance(Duration.ofMinutes(1));
    facts.apply(document(a.erpRef(), DocumentKind.SALE, ref, "confirmed", clock.instant()));
    clock.advance(Duration.ofMinutes(1));
    facts.apply(document(a.erpRef(), DocumentKind.SALE, ref, "done", clock.instant()));

    List<TimelineItem> items = timeline(sales, a, Set.of("payment", "sale"));
    assertThat(items)
        .extracting(TimelineItem::kind)
        .containsExactly("sale.done", "sale.confirmed", "payment.received");
    assertThat(items.get(0).title()).isEqualTo("Sale N-" + ref + ": done");
    assertThat(items.get(0).attributes()).containsEntry("amount", "250");
    assertThat(items.get(2).title()).isEqualTo("Payment 99.5 EUR for INV-7");
    assertThat(timeline(sales, a, Set.of("sale.confirmed")))
        .extracting(TimelineItem::kind)
        .containsExactly("sale.confirmed");

    Actor viewer = user(Role.CRM_VIEWER);
    JpaTimelineService publicRead =
        new JpaTimelineService(emf, null, new AccessPolicy(AccessPolicy.Mode.PUBLIC_READ));
    List<TimelineItem> seenByViewer =
        publicRead.timeline(viewer, new TimelineQuery(a.id(), null, Set.of(), 50, null)).items();
    assertThat(seenByViewer).extracting(TimelineItem::kind).contains("sale.done");
    assertThat(seenByViewer).extracting(TimelineItem::kind).doesNotContain("payment.received");
    assertThat(seenByViewer.stream().filter(i -> i.kind().startsWith("sale.")))
        .allMatch(i -> !i.attributes().containsKey("amount"));
  }

  @Test
  void anInvoiceTheAccountHoldsAsPostedIsOnItsTimelineOnceNotAgainAsADocument() {
    clock.set(Instant.parse("2026-06-13T10:00:00Z"));
    Actor sales = user(Role.CRM_SALES);
    Account a = account(sales);
    InvoicePosted posted = invoice(a, "250", "EUR");
    facts.apply(posted);
    clock.advance(Duration.ofMinutes(1));
    // The same invoice's states as a document of the sale it bills (the opportunity's timeline
    // shows those): posted, then paid.
    for (String state : List.of("posted", "paid")) {
      facts.apply(
          new DocumentChanged(
              unique("doc"),
              ERP,
              a.erpRef(),
              DocumentKind.INVOICE,
              "I-" + posted.invoiceNumber(),
              posted.invoiceNumber(),
              state,
              new BigDecimal("250"),
              "EUR",
              "some-command",
              clock.instant()));
      clock.advance(Duration.ofMinutes(1));
    }
    // An invoice document the account holds no posted invoice for stays on the timeline.
    facts.apply(document(a.erpRef(), DocumentKind.INVOICE, unique("X"), "posted", clock.instant()));

    List<TimelineItem> items = timeline(sales, a, Set.of());
    assertThat(items).filteredOn(i -> i.kind().startsWith("invoice.")).hasSize(2);
    assertThat(items)
        .filteredOn(i -> posted.invoiceNumber().equals(i.attributes().get("invoiceNumber")))
        .singleElement();
    assertThat(items)
        .filteredOn(i -> "INVOICE".equals(i.attributes().get("documentKind")))
        .singleElement()
        .satisfies(i -> assertThat(i.attributes().get("number")).startsWith("N-X"));
    // The documents themselves are all there.
    assertThat(erp.documents(sales, a.id(), DocumentKind.INVOICE, 10, null).items()).hasSize(2);
  }
}
