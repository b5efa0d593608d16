package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.audit.FieldChange;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentDecision;
import org.loopcrm.crm.api.privacy.ConsentDraft;
import org.loopcrm.crm.api.privacy.ConsentStatus;
import org.loopcrm.crm.api.privacy.ErasureRequest;
import org.loopcrm.crm.api.privacy.ErasureStatus;
import org.loopcrm.crm.api.privacy.ErasureSubject;
import org.loopcrm.crm.api.privacy.ErpFinancePort;
import org.loopcrm.crm.api.privacy.LegalHold;
import org.loopcrm.crm.api.privacy.LegalHoldKind;
import org.loopcrm.crm.api.privacy.SubjectExport;

/**
 * The consent register, the data-subject export and erasure on a real database. Each subclass runs
 * it on one database product.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PrivacyContract {
  static final Actor ADMIN = new Actor("dpo", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor SALES = new Actor("sales", Set.of(Role.CRM_SALES), Actor.Channel.REST);
  static final Actor MARKETING =
      new Actor("marketing", Set.of(Role.CRM_MARKETING), Actor.Channel.SHELL);
  static final Actor VIEWER = new Actor("viewer", Set.of(Role.CRM_VIEWER), Actor.Channel.REST);

  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaOutboxService outbox;
  private JpaErpFactService facts;
  private JpaAuditService audit;
  private JpaPrivacyService privacy;
  private final List<ErpFinancePort> registered = new ArrayList<>();

  abstract DataSource newDatabase();

  @BeforeAll
  void open() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, Clock.systemUTC());
    outbox = new JpaOutboxService(emf, Clock.systemUTC());
    facts = new JpaErpFactService(emf, Clock.systemUTC());
    audit = new JpaAuditService(emf);
    privacy = new JpaPrivacyService(emf, Clock.systemUTC());
    // Sales owns the accounts here; marketing and the viewer are its team mates, so they see them.
    new JpaAccessService(emf, Clock.systemUTC(), AccessPolicy.privateAccess())
        .createTeam(ADMIN, "privacy", List.of("sales", "marketing", "viewer"));
  }

  @Test
  void consentOfAContactOutsideTheCallersCircleIsNotFound() {
    Actor stranger = new Actor("stranger", Set.of(Role.CRM_MARKETING), Actor.Channel.REST);
    Account a = newAccount(null);
    Contact c =
        accounts.addContact(SALES, a.id(), new ContactDraft("Ann", "Other", null, null, null));
    assertThatThrownBy(() -> privacy.consents(stranger, c.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                privacy.recordConsent(stranger, c.id(), grant("newsletter", ConsentChannel.EMAIL)))
        .isInstanceOf(NotFoundException.class);
    assertThat(privacy.consents(MARKETING, c.id())).isEmpty();
  }

  @AfterAll
  void close() {
    emf.close();
  }

  @AfterEach
  void unregisterPorts() {
    registered.forEach(privacy::removePort);
    registered.clear();
  }

  private void register(String system, ErpFinancePort port) {
    privacy.addPort(port, Map.of(ErpFinancePort.ERP_SYSTEM, system));
    registered.add(port);
  }

  private Account newAccount(String erpRef) {
    return accounts.create(
        SALES, new AccountDraft("Account " + UUID.randomUUID(), erpRef, null, null));
  }

  private Contact newContact(Account a) {
    return accounts.addContact(
        SALES,
        a.id(),
        new ContactDraft("Ada", "Lovelace", "ada@example.com", "+44 20 7946 0000", "Countess"));
  }

  private static ConsentDraft grant(String purpose, ConsentChannel channel) {
    return new ConsentDraft(purpose, channel, ConsentStatus.GRANTED, "web-form", "form v3, ip");
  }

  private List<AuditEntry> historyOf(UUID contactId) {
    return audit.history(ADMIN, AuditQuery.ofRecord("contact", contactId, 200)).items();
  }

  // --- consent

  @Test
  void consentHistoryIsAppendOnlyAndTheLatestDecisionIsCurrent() {
    Contact c = newContact(newAccount(null));

    privacy.recordConsent(SALES, c.id(), grant("newsletter", ConsentChannel.EMAIL));
    privacy.recordConsent(MARKETING, c.id(), grant("marketing", ConsentChannel.PHONE));
    ConsentDecision withdrawn =
        privacy.recordConsent(
            MARKETING,
            c.id(),
            new ConsentDraft(
                " newsletter ", ConsentChannel.EMAIL, ConsentStatus.WITHDRAWN, "e-mail", null));

    assertThat(withdrawn.purpose()).isEqualTo("newsletter");
    assertThat(withdrawn.recordedBy()).isEqualTo("marketing");
    assertThat(withdrawn.via()).isEqualTo(Actor.Channel.SHELL);
    assertThat(withdrawn.at()).isNotNull();
    assertThat(privacy.consentHistory(VIEWER, c.id()))
        .extracting(ConsentDecision::purpose, ConsentDecision::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("newsletter", ConsentStatus.WITHDRAWN),
            org.assertj.core.groups.Tuple.tuple("marketing", ConsentStatus.GRANTED),
            org.assertj.core.groups.Tuple.tuple("newsletter", ConsentStatus.GRANTED));
    assertThat(privacy.consents(VIEWER, c.id()))
        .extracting(ConsentDecision::purpose, ConsentDecision::channel, ConsentDecision::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "marketing", ConsentChannel.PHONE, ConsentStatus.GRANTED),
            org.assertj.core.groups.Tuple.tuple(
                "newsletter", ConsentChannel.EMAIL, ConsentStatus.WITHDRAWN));
    assertThat(privacy.hasConsent(VIEWER, c.id(), "marketing", ConsentChannel.PHONE)).isTrue();
    assertThat(privacy.hasConsent(VIEWER, c.id(), "newsletter", ConsentChannel.EMAIL)).isFalse();
    assertThat(privacy.hasConsent(VIEWER, c.id(), "marketing", ConsentChannel.SMS)).isFalse();
    // The contact's history shows each change of consent with who and how.
    assertThat(historyOf(c.id()))
        .filteredOn(e -> e.action() == AuditAction.UPDATE)
        .first()
        .satisfies(
            e -> {
              assertThat(e.user()).isEqualTo("marketing");
              assertThat(e.channel()).isEqualTo(Actor.Channel.SHELL);
              assertThat(e.changes())
                  .containsExactly(
                      new FieldChange("consent.newsletter.EMAIL", "GRANTED", "WITHDRAWN"));
            });
    assertThat(outbox.pending(10_000))
        .filteredOn(e -> e.aggregateId().equals(c.id().toString()))
        .extracting(OutboxEvent::type)
        .containsExactly("consent.changed", "consent.changed", "consent.changed");
  }

  @Test
  void withdrawingWhatWasNeverGrantedIsRecorded() {
    Contact c = newContact(newAccount(null));

    privacy.recordConsent(
        SALES,
        c.id(),
        new ConsentDraft(
            "newsletter", ConsentChannel.POST, ConsentStatus.WITHDRAWN, "letter", null));

    assertThat(privacy.consents(SALES, c.id()))
        .extracting(ConsentDecision::status)
        .containsExactly(ConsentStatus.WITHDRAWN);
  }

  @Test
  void badConsentInputNamesEveryFieldAndUnknownSubjectsAreNotFound() {
    Contact c = newContact(newAccount(null));

    assertThatThrownBy(
            () ->
                privacy.recordConsent(
                    SALES, c.id(), new ConsentDraft("News Letter!", null, null, " ", "x")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("purpose", "channel", "status", "source"));
    assertThatThrownBy(() -> privacy.hasConsent(SALES, c.id(), "X", ConsentChannel.EMAIL))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                privacy.recordConsent(
                    SALES, UUID.randomUUID(), grant("newsletter", ConsentChannel.EMAIL)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("data subject");
    Account a = newAccount(null);
    assertThatThrownBy(() -> privacy.consents(SALES, a.id()))
        .as("an organization is no data subject here")
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aContactWithConsentsCanStillBeRemovedAndItsAccountDeleted() {
    Account a = newAccount(null);
    Contact c = newContact(a);
    Contact other = newContact(a);
    privacy.recordConsent(SALES, c.id(), grant("newsletter", ConsentChannel.EMAIL));
    privacy.recordConsent(SALES, other.id(), grant("newsletter", ConsentChannel.EMAIL));

    accounts.removeContact(SALES, a.id(), c.id(), c.version());
    Account archived = accounts.archive(SALES, a.id(), a.version());
    accounts.delete(ADMIN, a.id(), archived.version());

    assertThatThrownBy(() -> privacy.consents(SALES, c.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> privacy.consents(SALES, other.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void viewersReadConsentButDoNotRecordIt() {
    Contact c = newContact(newAccount(null));

    assertThatThrownBy(
            () -> privacy.recordConsent(VIEWER, c.id(), grant("newsletter", ConsentChannel.EMAIL)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(privacy.consents(VIEWER, c.id())).isEmpty();
  }

  // --- export

  @Test
  void exportHoldsThePersonAccountsConsentsAuditAndIsItselfAudited() {
    Account a = newAccount("P-" + UUID.randomUUID());
    Contact c = newContact(a);
    privacy.recordConsent(SALES, c.id(), grant("newsletter", ConsentChannel.EMAIL));

    SubjectExport x = privacy.export(ADMIN, c.id());

    assertThat(x.subject().id()).isEqualTo(c.id());
    assertThat(x.subject().lastName()).isEqualTo("Lovelace");
    assertThat(x.subject().email()).isEqualTo("ada@example.com");
    assertThat(x.accounts()).hasSize(1);
    assertThat(x.accounts().get(0).accountId()).isEqualTo(a.id());
    assertThat(x.accounts().get(0).erpRef()).isEqualTo(a.erpRef());
    assertThat(x.accounts().get(0).title()).isEqualTo("Countess");
    assertThat(x.consents()).extracting(ConsentDecision::purpose).containsExactly("newsletter");
    assertThat(x.consentHistory()).hasSize(1);
    assertThat(x.audit())
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.EXPORT, AuditAction.UPDATE, AuditAction.CREATE);
    assertThat(x.audit().get(0).user()).isEqualTo("dpo");
    assertThat(x.exportedBy()).isEqualTo("dpo");
    assertThat(x.erasureRequests()).isEmpty();
  }

  @Test
  void exportAndErasureAreForAdminsOnly() {
    Contact c = newContact(newAccount(null));
    for (Actor other : List.of(SALES, MARKETING, VIEWER)) {
      assertThatThrownBy(() -> privacy.export(other, c.id()))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> privacy.requestErasure(other, c.id()))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> privacy.erasureRequests(other, 10, null))
          .isInstanceOf(AccessDeniedException.class);
    }
    assertThat(privacy.consents(SALES, c.id())).isEmpty();
    assertThat(accounts.contact(SALES, c.accountId(), c.id()).lastName()).isEqualTo("Lovelace");
  }

  // --- erasure

  @Test
  void erasureAnonymisesThePersonRedactsTheAuditAndEmitsPartyErased() {
    Account a = newAccount("P-" + UUID.randomUUID());
    Contact c = newContact(a);
    accounts.updateContact(
        SALES,
        a.id(),
        c.id(),
        c.version(),
        new ContactDraft("Augusta Ada", "King", "ada@lovelace.example", null, "Countess"));
    privacy.recordConsent(SALES, c.id(), grant("newsletter", ConsentChannel.EMAIL));

    ErasureRequest r = privacy.requestErasure(ADMIN, c.id());

    assertThat(r.status()).isEqualTo(ErasureStatus.COMPLETED);
    assertThat(r.holds()).isEmpty();
    assertThat(r.requestedBy()).isEqualTo("dpo");
    assertThat(r.via()).isEqualTo(Actor.Channel.REST);
    Contact erased = accounts.contact(SALES, a.id(), c.id());
    assertThat(erased.lastName()).isEqualTo("Erased");
    assertThat(erased.firstName()).isNull();
    assertThat(erased.email()).isNull();
    assertThat(erased.phone()).isNull();
    assertThat(erased.title()).isNull();
    assertThat(erased.accountId()).as("links stay").isEqualTo(a.id());

    List<AuditEntry> history = historyOf(c.id());
    assertThat(history.get(0).action()).isEqualTo(AuditAction.ERASE);
    assertThat(history.get(0).user()).isEqualTo("dpo");
    assertThat(history.get(0).channel()).isEqualTo(Actor.Channel.REST);
    assertThat(history.get(0).changes())
        .contains(
            new FieldChange("lastName", "(erased)", "Erased"),
            new FieldChange("email", "(erased)", null));
    String allValues =
        history.stream()
            .flatMap(e -> e.changes().stream())
            .map(f -> f.oldValue() + "|" + f.newValue())
            .reduce("", String::concat);
    assertThat(allValues)
        .doesNotContain("Ada", "Lovelace", "King", "ada@", "+44", "Countess")
        .contains("GRANTED");
    assertThat(history)
        .filteredOn(e -> e.action() == AuditAction.CREATE)
        .first()
        .satisfies(
            e ->
                assertThat(e.changes())
                    .contains(
                        new FieldChange("accountId", null, a.id().toString()),
                        new FieldChange("lastName", null, "(erased)")));
    assertThat(privacy.consentHistory(ADMIN, c.id()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.status()).as("proof of consent kept").isEqualTo(ConsentStatus.GRANTED);
              assertThat(d.evidence()).isEqualTo("(erased)");
            });

    List<OutboxEvent> events = outbox.pending(10_000);
    assertThat(events)
        .filteredOn(e -> e.type().startsWith("contact.") && e.payload().contains(c.id().toString()))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.payload()).doesNotContain("Lovelace", "ada@", "King"));
    OutboxEvent erasedEvent =
        events.stream().filter(e -> e.type().equals("party.erased")).reduce((x, y) -> y).get();
    assertThat(erasedEvent.aggregateId()).isEqualTo(c.id().toString());
    assertThat(erasedEvent.payload())
        .contains("\"subjectId\":\"" + c.id() + "\"")
        .contains("\"requestId\":\"" + r.id() + "\"")
        .contains("\"erpRefs\":[\"" + a.erpRef() + "\"]")
        .contains("\"accountIds\":[\"" + a.id() + "\"]")
        .doesNotContain("Ada", "Lovelace", "ada@");

    assertThat(privacy.erasureRequest(ADMIN, r.id())).isEqualTo(r);
  }

  @Test
  void anErasedSubjectIsRefusedClearlyAndStaysErased() {
    Contact c = newContact(newAccount(null));
    privacy.requestErasure(ADMIN, c.id());

    assertThatThrownBy(() -> privacy.requestErasure(ADMIN, c.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("erased already");
    assertThatThrownBy(
            () -> privacy.recordConsent(SALES, c.id(), grant("newsletter", ConsentChannel.EMAIL)))
        .isInstanceOf(ConflictException.class);
    Contact erased = accounts.contact(SALES, c.accountId(), c.id());
    assertThatThrownBy(
            () ->
                accounts.updateContact(
                    SALES,
                    c.accountId(),
                    c.id(),
                    erased.version(),
                    new ContactDraft("Ada", "Lovelace", null, null, null)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("erased");
    assertThat(privacy.export(ADMIN, c.id()).subject().erasedAt()).isNotNull();
  }

  @Test
  void openReceivablesInTheCrmHoldTheErasureAndNothingChanges() {
    Account a = newAccount("P-" + UUID.randomUUID());
    Contact c = newContact(a);
    facts.applyInvoicePosted(
        new InvoicePosted(
            "m-" + UUID.randomUUID(),
            "tryton",
            a.erpRef(),
            "INV-1",
            new BigDecimal("120.50"),
            "EUR",
            Instant.now()));
    long eventsBefore = outbox.pendingCount();

    ErasureRequest r = privacy.requestErasure(ADMIN, c.id());

    assertThat(r.status()).isEqualTo(ErasureStatus.REFUSED);
    assertThat(r.holds())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.kind()).isEqualTo(LegalHoldKind.OPEN_RECEIVABLES);
              assertThat(h.reason()).contains("open receivables of 120.5 EUR", a.erpRef());
              assertThat(h.amount()).isEqualByComparingTo("120.50");
              assertThat(h.currency()).isEqualTo("EUR");
              assertThat(h.source()).isEqualTo("crm");
            });
    assertThat(accounts.contact(SALES, a.id(), c.id()).lastName()).isEqualTo("Lovelace");
    assertThat(historyOf(c.id())).noneMatch(e -> e.action() == AuditAction.ERASE);
    assertThat(outbox.pendingCount()).isEqualTo(eventsBefore);
    assertThat(privacy.erasureRequest(ADMIN, r.id())).isEqualTo(r);
  }

  @Test
  void everyPortIsAskedAndItsHoldsRefuseTheErasure() {
    Account a = newAccount("P-" + UUID.randomUUID());
    Contact c = newContact(a);
    List<ErasureSubject> asked = new ArrayList<>();
    register(
        "tryton",
        s -> {
          asked.add(s);
          return List.of(
              new LegalHold(
                  LegalHoldKind.OPEN_SALES,
                  "sale SO-7 is not yet invoiced",
                  new BigDecimal("99"),
                  "EUR",
                  "tryton"));
        });
    register("other", s -> List.of());

    ErasureRequest r = privacy.requestErasure(ADMIN, c.id());

    assertThat(asked).containsExactly(new ErasureSubject(c.id(), List.of(a.erpRef())));
    assertThat(r.status()).isEqualTo(ErasureStatus.REFUSED);
    assertThat(r.holds())
        .extracting(LegalHold::kind, LegalHold::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                LegalHoldKind.OPEN_SALES, "sale SO-7 is not yet invoiced"));
    assertThat(accounts.contact(SALES, a.id(), c.id()).email()).isEqualTo("ada@example.com");
  }

  @Test
  void aPortThatFailsRefusesTheErasure() {
    Contact c = newContact(newAccount("P-" + UUID.randomUUID()));
    register(
        "tryton",
        s -> {
          throw new IllegalStateException("connection refused");
        });

    ErasureRequest r = privacy.requestErasure(ADMIN, c.id());

    assertThat(r.status()).isEqualTo(ErasureStatus.REFUSED);
    assertThat(r.holds())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.kind()).isEqualTo(LegalHoldKind.OTHER);
              assertThat(h.reason())
                  .isEqualTo("could not check legal holds: tryton: connection refused");
            });
    assertThat(accounts.contact(SALES, c.accountId(), c.id()).lastName()).isEqualTo("Lovelace");

    unregisterPorts();
    assertThat(privacy.requestErasure(ADMIN, c.id()).status())
        .as("the port is gone: erasure goes ahead")
        .isEqualTo(ErasureStatus.COMPLETED);
  }

  @Test
  void erasureRequestsAreListedNewestFirstAPageAtATime() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(privacy.requestErasure(ADMIN, newContact(newAccount(null)).id()).id());
    }

    Page<ErasureRequest> first = privacy.erasureRequests(ADMIN, 2, null);
    assertThat(first.items())
        .extracting(ErasureRequest::id)
        .containsExactly(ids.get(2), ids.get(1));
    Page<ErasureRequest> second =
        privacy.erasureRequests(ADMIN, 200, first.nextCursor().orElseThrow());
    assertThat(second.items()).extracting(ErasureRequest::id).startsWith(ids.get(0));
    assertThatThrownBy(() -> privacy.erasureRequests(ADMIN, 0, null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> privacy.erasureRequests(ADMIN, 10, "nonsense"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> privacy.erasureRequest(ADMIN, UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);
  }
}
