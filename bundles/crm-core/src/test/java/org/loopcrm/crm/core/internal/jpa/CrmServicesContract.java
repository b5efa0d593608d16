package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountSort;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.audit.FieldChange;
import org.loopcrm.crm.api.erp.ApplyOutcome;
import org.loopcrm.crm.api.erp.InvoicePosted;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.webhook.AttemptOutcome;
import org.loopcrm.crm.api.webhook.DeliveryStatus;
import org.loopcrm.crm.api.webhook.DueDelivery;
import org.loopcrm.crm.api.webhook.WebhookDelivery;
import org.loopcrm.crm.api.webhook.WebhookSubscription;
import org.loopcrm.crm.api.webhook.WebhookSubscriptionDraft;
import org.loopcrm.crm.core.internal.webhook.WebhookRules;

/**
 * The behaviour of the account, outbox, ERP-fact, audit and webhook services on a real database.
 * Each subclass runs it on one database product; every test works in a fresh database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrmServicesContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor SALES = new Actor("sales", Set.of(Role.CRM_USER), Actor.Channel.REST);
  static final Actor VIEWER = new Actor("viewer", Set.of(Role.CRM_VIEWER), Actor.Channel.REST);

  private EntityManagerFactory emf;
  JpaAccountService accounts;
  JpaOutboxService outbox;
  JpaErpFactService facts;
  JpaAuditService audit;
  JpaWebhookService webhooks;
  final MutableClock webhookClock = new MutableClock();

  /** A new, empty database of the product under test. */
  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, java.time.Clock.systemUTC());
    outbox = new JpaOutboxService(emf, java.time.Clock.systemUTC());
    facts = new JpaErpFactService(emf, java.time.Clock.systemUTC());
    audit = new JpaAuditService(emf);
    webhooks = new JpaWebhookService(emf, webhookClock);
    // These tests are about everything but record-level access (RecordAccessContract): the users
    // they act as are team mates, so each sees the others' accounts.
    new JpaAccessService(emf, java.time.Clock.systemUTC(), AccessPolicy.privateAccess())
        .createTeam(ADMIN, "contract", List.of("sales", "viewer", "admin"));
  }

  @AfterAll
  void close() {
    emf.close();
  }

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID();
  }

  private Account newAccount(String name, String erpRef) {
    return accounts.create(SALES, new AccountDraft(name, erpRef, null, null));
  }

  private List<OutboxEvent> eventsOf(UUID accountId) {
    return outbox.pending(10_000).stream()
        .filter(e -> e.aggregateId().equals(accountId.toString()))
        .toList();
  }

  @Test
  void createdAccountReadsBackWithDefaults() {
    Account a = newAccount("  Acme Machining  ", "P-" + UUID.randomUUID());

    Account read = accounts.get(SALES, a.id());
    assertThat(read.name()).isEqualTo("Acme Machining");
    assertThat(read.owner()).isEqualTo("sales");
    assertThat(read.stage()).isEqualTo(LifecycleStage.PROSPECT);
    assertThat(read.status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(read.version()).isZero();
    assertThat(read.receivables().open()).isEqualByComparingTo("0");
    assertThat(read).isEqualTo(a);
    Account seenByViewer = accounts.get(VIEWER, a.id());
    assertThat(seenByViewer.receivables()).as("finance facts hidden from viewers").isNull();
    assertThat(seenByViewer.name()).isEqualTo(read.name());
  }

  @Test
  void taxIdIsStoredNormalisedValidatedAndAudited() {
    Account a =
        accounts.create(
            SALES, new AccountDraft(unique("Taxed"), null, " de 123.456-789 ", null, null));
    assertThat(accounts.get(SALES, a.id()).taxId()).isEqualTo("DE123456789");

    Account b =
        accounts.update(
            SALES,
            a.id(),
            a.version(),
            new AccountDraft(a.name(), null, "ATU 1234/5678", a.owner(), a.stage()));
    assertThat(b.taxId()).isEqualTo("ATU12345678");
    assertThat(historyOf("account", a.id()).get(0).changes())
        .contains(new FieldChange("taxId", "DE123456789", "ATU12345678"));

    assertThatThrownBy(
            () ->
                accounts.create(
                    SALES, new AccountDraft(unique("Bad tax"), null, "DE 12#4", null, null)))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("taxId"));
  }

  @Test
  void createWritesOneEventInTheSameTransaction() {
    Account a = newAccount(unique("Evented"), null);

    List<OutboxEvent> events = eventsOf(a.id());
    assertThat(events).extracting(OutboxEvent::type).containsExactly("account.created");
    assertThat(events.get(0).payload())
        .contains("\"type\":\"account.created\"")
        .contains("\"name\":\"" + a.name() + "\"")
        .contains("\"eventId\":\"" + events.get(0).eventId() + "\"");
  }

  @Test
  void markSentTakesEventsOutOfPendingAndIsIdempotent() {
    Account a = newAccount(unique("Relayed"), null);
    List<Long> seqs = eventsOf(a.id()).stream().map(OutboxEvent::sequence).toList();

    outbox.markSent(seqs);
    outbox.markSent(seqs);

    assertThat(eventsOf(a.id())).isEmpty();
  }

  @Test
  void pendingEventsComeInSequenceOrder() {
    Account a = newAccount(unique("Ordered"), null);
    Account b = accounts.update(SALES, a.id(), 0, draft(a, LifecycleStage.CUSTOMER));
    accounts.archive(SALES, a.id(), b.version());

    List<OutboxEvent> events = eventsOf(a.id());
    assertThat(events)
        .extracting(OutboxEvent::type)
        .containsExactly("account.created", "account.updated", "account.archived");
    assertThat(events).extracting(OutboxEvent::sequence).isSorted();
  }

  @Test
  void duplicateErpReferenceIsAConflictAndWritesNothing() {
    String ref = "P-" + UUID.randomUUID();
    newAccount(unique("First"), ref);
    long before = outbox.pendingCount();

    assertThatThrownBy(() -> newAccount(unique("Second"), ref))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(ref);
    assertThat(outbox.pendingCount()).isEqualTo(before);
  }

  @Test
  void invalidDraftNamesEveryBadField() {
    assertThatThrownBy(
            () -> accounts.create(SALES, new AccountDraft(" ", "has space", "bad user!", null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactlyInAnyOrder("name", "erpRef", "owner"));
  }

  @Test
  void viewerMayReadButNotWrite() {
    long before = outbox.pendingCount();
    assertThatThrownBy(() -> accounts.create(VIEWER, new AccountDraft("X", null, null, null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(outbox.pendingCount()).isEqualTo(before);
    Account a = newAccount(unique("Visible"), null);
    assertThat(accounts.get(VIEWER, a.id()).id()).isEqualTo(a.id());
  }

  @Test
  void unknownIdIsNotFound() {
    assertThatThrownBy(() -> accounts.get(SALES, UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void updateFromAStaleVersionIsRefusedAndChangesNothing() {
    Account a = newAccount(unique("Versioned"), null);
    Account v1 =
        accounts.update(
            SALES, a.id(), 0, new AccountDraft("Renamed", null, "sales", LifecycleStage.PROSPECT));
    assertThat(v1.version()).isEqualTo(1);
    long before = outbox.pendingCount();

    assertThatThrownBy(
            () ->
                accounts.update(
                    SALES,
                    a.id(),
                    0,
                    new AccountDraft("Lost", null, "sales", LifecycleStage.PROSPECT)))
        .isInstanceOfSatisfying(
            StaleVersionException.class, e -> assertThat(e.currentVersion()).isEqualTo(1));
    assertThat(accounts.get(SALES, a.id()).name()).isEqualTo("Renamed");
    assertThat(outbox.pendingCount()).isEqualTo(before);
  }

  @Test
  void senselessStageTransitionIsRefused() {
    Account a = newAccount(unique("Lifecycle"), null);
    Account customer = accounts.update(SALES, a.id(), 0, draft(a, LifecycleStage.CUSTOMER));

    assertThatThrownBy(
            () ->
                accounts.update(
                    SALES, a.id(), customer.version(), draft(a, LifecycleStage.PROSPECT)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("CUSTOMER to PROSPECT");
  }

  @Test
  void archivedAccountIsReadOnlyHiddenAndDeletableByAdminOnly() {
    Account a = newAccount(unique("Archivable"), null);
    assertThatThrownBy(() -> accounts.delete(ADMIN, a.id(), 0))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("archived before");
    Account archived = accounts.archive(SALES, a.id(), 0);
    assertThat(archived.status()).isEqualTo(AccountStatus.ARCHIVED);
    assertThatThrownBy(() -> accounts.update(SALES, a.id(), archived.version(), draft(a, null)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                accounts.update(
                    SALES, a.id(), archived.version(), draft(a, LifecycleStage.PROSPECT)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("archived");
    assertThat(names(accounts.list(SALES, query(a.name(), false, AccountSort.NAME_ASC, 10, null))))
        .isEmpty();
    assertThat(names(accounts.list(SALES, query(a.name(), true, AccountSort.NAME_ASC, 10, null))))
        .containsExactly(a.name());

    assertThatThrownBy(() -> accounts.delete(SALES, a.id(), archived.version()))
        .isInstanceOf(AccessDeniedException.class);
    accounts.delete(ADMIN, a.id(), archived.version());
    assertThatThrownBy(() -> accounts.get(SALES, a.id())).isInstanceOf(NotFoundException.class);
    assertThat(eventsOf(a.id())).extracting(OutboxEvent::type).endsWith("account.deleted");
  }

  @Test
  void cursorPagingVisitsEveryAccountOnceInEachOrder() {
    String prefix = "Page" + UUID.randomUUID().toString().substring(0, 8);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // Mixed case: the order must not depend on the database's collation of upper and lower case.
      String name = prefix + (i % 2 == 0 ? " alpha " : " Beta ") + i;
      created.add(newAccount(name, null).name());
    }
    for (AccountSort sort : AccountSort.values()) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        Page<Account> page =
            accounts.list(SALES, query(prefix.toLowerCase(), false, sort, 3, cursor));
        seen.addAll(names(page));
        cursor = page.nextCursor().orElse(null);
        pages++;
      } while (cursor != null);
      assertThat(pages).as(sort.token()).isEqualTo(3);
      assertThat(seen).as(sort.token()).hasSize(7).containsExactlyInAnyOrderElementsOf(created);
      assertThat(new HashSet<>(seen)).hasSize(7);
      if (sort == AccountSort.NAME_ASC) {
        assertThat(seen).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
      }
      if (sort == AccountSort.CREATED_ASC) {
        assertThat(seen).containsExactlyElementsOf(created);
      }
      if (sort == AccountSort.CREATED_DESC) {
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
      }
    }
  }

  @Test
  void cursorOfAnotherSortOrGarbageIsRefused() {
    String prefix = "Cur" + UUID.randomUUID().toString().substring(0, 8);
    newAccount(prefix + " 1", null);
    newAccount(prefix + " 2", null);
    String cursor =
        accounts
            .list(SALES, query(prefix, false, AccountSort.NAME_ASC, 1, null))
            .nextCursor()
            .orElseThrow();

    assertThatThrownBy(
            () -> accounts.list(SALES, query(prefix, false, AccountSort.CREATED_ASC, 1, cursor)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cursor");
    assertThatThrownBy(
            () -> accounts.list(SALES, query(prefix, false, AccountSort.NAME_ASC, 1, "%%%")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> accounts.list(SALES, query(prefix, false, AccountSort.NAME_ASC, 0, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void listFiltersByOwnerAndTreatsLikeWildcardsLiterally() {
    String prefix = "Own" + UUID.randomUUID().toString().substring(0, 8);
    accounts.create(SALES, new AccountDraft(prefix + " mine", null, "sales", null));
    accounts.create(SALES, new AccountDraft(prefix + " theirs", null, "admin", null));
    accounts.create(SALES, new AccountDraft(prefix + "%_ odd", null, "admin", null));

    assertThat(
            names(
                accounts.list(
                    SALES,
                    new AccountQuery(prefix, "sales", false, AccountSort.NAME_ASC, 10, null))))
        .containsExactly(prefix + " mine");
    assertThat(
            names(
                accounts.list(SALES, query(prefix + "%_", false, AccountSort.NAME_ASC, 10, null))))
        .containsExactly(prefix + "%_ odd");
  }

  @Test
  void contactsAreAddedListedUpdatedAndRemoved() {
    Account a = newAccount(unique("With contacts"), null);
    Contact ada =
        accounts.addContact(
            SALES, a.id(), new ContactDraft("Ada", "Lovelace", "ada@example.com", null, "CTO"));
    accounts.addContact(
        SALES, a.id(), new ContactDraft("Charles", "Babbage", null, "+44 20 7946 0000", null));

    assertThat(accounts.contacts(VIEWER, a.id()))
        .extracting(Contact::lastName)
        .containsExactly("Babbage", "Lovelace");
    Contact changed =
        accounts.updateContact(
            SALES,
            a.id(),
            ada.id(),
            ada.version(),
            new ContactDraft("Ada", "King", "ada@example.com", null, "CEO"));
    assertThat(changed.title()).isEqualTo("CEO");
    assertThat(changed.version()).isGreaterThan(ada.version());
    assertThatThrownBy(
            () ->
                accounts.updateContact(
                    SALES,
                    a.id(),
                    ada.id(),
                    ada.version(),
                    new ContactDraft(null, "X", null, null, null)))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(
            () ->
                accounts.addContact(
                    SALES, a.id(), new ContactDraft("No", null, "not-an-email", null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactlyInAnyOrder("lastName", "email"));

    accounts.removeContact(SALES, a.id(), ada.id(), changed.version());
    assertThat(accounts.contacts(SALES, a.id()))
        .extracting(Contact::lastName)
        .containsExactly("Babbage");
    assertThatThrownBy(() -> accounts.contact(SALES, a.id(), ada.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(eventsOf(a.id()))
        .extracting(OutboxEvent::type)
        .containsExactly(
            "account.created",
            "contact.added",
            "contact.added",
            "contact.updated",
            "contact.removed");
  }

  @Test
  void invoicePostedIsAppliedOnceAndItsDuplicateChangesNothing() {
    String ref = "P-" + UUID.randomUUID();
    Account a = newAccount(unique("Invoiced"), ref);
    InvoicePosted fact = invoice("m-" + UUID.randomUUID(), ref, "1250.50");

    assertThat(facts.applyInvoicePosted(fact)).isEqualTo(ApplyOutcome.APPLIED);
    assertThat(facts.applyInvoicePosted(fact)).isEqualTo(ApplyOutcome.DUPLICATE);

    Account after = accounts.get(SALES, a.id());
    assertThat(after.receivables().open()).isEqualByComparingTo("1250.50");
    assertThat(after.receivables().currency()).isEqualTo("EUR");
    assertThat(after.receivables().invoiceCount()).isEqualTo(1);
    assertThat(after.receivables().lastInvoice()).isEqualTo("INV-" + fact.messageId());
    assertThat(eventsOf(a.id()))
        .extracting(OutboxEvent::type)
        .containsExactly("account.created", "account.receivables-changed", "account.stage-changed");
  }

  @Test
  void invoiceForAnUnknownCustomerRecordsNothingSoItCanBeAppliedLater() {
    String ref = "P-" + UUID.randomUUID();
    InvoicePosted fact = invoice("m-" + UUID.randomUUID(), ref, "10");

    assertThatThrownBy(() -> facts.applyInvoicePosted(fact)).isInstanceOf(NotFoundException.class);
    Account a = newAccount(unique("Late"), ref);
    assertThat(facts.applyInvoicePosted(fact)).isEqualTo(ApplyOutcome.APPLIED);
    assertThat(accounts.get(SALES, a.id()).receivables().open()).isEqualByComparingTo("10");
  }

  @Test
  void invoiceInAnotherCurrencyIsRefused() {
    String ref = "P-" + UUID.randomUUID();
    newAccount(unique("Currency"), ref);
    facts.applyInvoicePosted(invoice("m-" + UUID.randomUUID(), ref, "10"));
    InvoicePosted usd =
        new InvoicePosted(
            "m-" + UUID.randomUUID(),
            "tryton",
            ref,
            "INV-9",
            new BigDecimal("5"),
            "USD",
            Instant.now());

    assertThatThrownBy(() -> facts.applyInvoicePosted(usd))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("EUR");
  }

  @Test
  void theSameMessageDeliveredConcurrentlyHasOneEffect() throws Exception {
    String ref = "P-" + UUID.randomUUID();
    Account a = newAccount(unique("Concurrent"), ref);
    InvoicePosted fact = invoice("m-" + UUID.randomUUID(), ref, "100");
    int n = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<Optional<ApplyOutcome>>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<Optional<ApplyOutcome>> task =
            () -> {
              start.await();
              try {
                return Optional.of(facts.applyInvoicePosted(fact));
              } catch (ConflictException e) {
                return Optional.empty(); // the broker would redeliver; the retry is a duplicate
              }
            };
        results.add(pool.submit(task));
      }
      start.countDown();
      int applied = 0;
      for (Future<Optional<ApplyOutcome>> f : results) {
        if (f.get().orElse(ApplyOutcome.DUPLICATE) == ApplyOutcome.APPLIED) {
          applied++;
        }
      }
      assertThat(applied).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(facts.applyInvoicePosted(fact)).isEqualTo(ApplyOutcome.DUPLICATE);
    assertThat(accounts.get(SALES, a.id()).receivables().open()).isEqualByComparingTo("100");
  }

  // --- audit history

  private List<AuditEntry> historyOf(String type, UUID id) {
    return audit.history(ADMIN, AuditQuery.ofRecord(type, id, 200)).items();
  }

  private static Actor user(String name, Role role, Actor.Channel channel) {
    return new Actor(name, Set.of(role), channel);
  }

  @Test
  void createAndUpdateAreAuditedFieldByField() {
    // An administrator at the shell: it may change the accounts of others.
    Actor shell = user("shell-" + UUID.randomUUID(), Role.CRM_ADMIN, Actor.Channel.SHELL);
    Account a = newAccount(unique("Audited"), null);
    Account b =
        accounts.update(
            shell,
            a.id(),
            0,
            new AccountDraft(
                a.name() + " GmbH", "P-" + a.id(), a.owner(), LifecycleStage.PROSPECT));
    accounts.update(shell, a.id(), b.version(), draft(b, LifecycleStage.PROSPECT));

    List<AuditEntry> history = historyOf("account", a.id());
    assertThat(history)
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
    AuditEntry update = history.get(0);
    assertThat(update.user()).isEqualTo(shell.user());
    assertThat(update.channel()).isEqualTo(Actor.Channel.SHELL);
    assertThat(update.recordId()).isEqualTo(a.id());
    assertThat(update.changes())
        .containsExactly(
            new FieldChange("name", a.name(), a.name() + " GmbH"),
            new FieldChange("erpRef", null, "P-" + a.id()));
    AuditEntry create = history.get(1);
    assertThat(create.user()).isEqualTo("sales");
    assertThat(create.channel()).isEqualTo(Actor.Channel.REST);
    assertThat(create.at()).isEqualTo(a.createdAt());
    assertThat(create.changes())
        .containsExactly(
            new FieldChange("name", null, a.name()),
            new FieldChange("owner", null, "sales"),
            new FieldChange("stage", null, "PROSPECT"),
            new FieldChange("status", null, "ACTIVE"));
  }

  @Test
  void anExportIsAuditedOnceInTheExportersHistoryWithItsDetails() {
    Actor exporter = user("exporter-" + UUID.randomUUID(), Role.CRM_VIEWER, Actor.Channel.REST);
    java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
    details.put("subject", "ACCOUNTS");
    details.put("format", "CSV");
    details.put("filter", "name=Acme");
    details.put("count", "3");

    AuditEntry entry = audit.recordExport(exporter, details);

    assertThat(entry.action()).isEqualTo(AuditAction.EXPORT);
    assertThat(entry.recordType()).isEqualTo("export");
    assertThat(entry.changes())
        .containsExactly(
            new FieldChange("subject", null, "ACCOUNTS"),
            new FieldChange("format", null, "CSV"),
            new FieldChange("filter", null, "name=Acme"),
            new FieldChange("count", null, "3"));
    assertThat(audit.history(ADMIN, AuditQuery.ofUser(exporter.user(), 10)).items())
        .containsExactly(entry);
    assertThat(historyOf("export", entry.recordId())).containsExactly(entry);
    assertThatThrownBy(
            () -> audit.recordExport(new Actor("nobody", Set.of(), Actor.Channel.REST), details))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void archiveRestoreAndDeleteAreAuditedAndTheHistoryOutlivesTheRecord() {
    Account a = newAccount(unique("Lifecycle audit"), null);
    Contact c =
        accounts.addContact(SALES, a.id(), new ContactDraft("Ada", "Lovelace", null, null, "CTO"));
    Account archived = accounts.archive(SALES, a.id(), 0);
    Account restored = accounts.restore(SALES, a.id(), archived.version());
    Account again = accounts.archive(SALES, a.id(), restored.version());
    accounts.delete(ADMIN, a.id(), again.version());

    List<AuditEntry> history = historyOf("account", a.id());
    assertThat(history)
        .extracting(AuditEntry::action)
        .containsExactly(
            AuditAction.DELETE,
            AuditAction.ARCHIVE,
            AuditAction.RESTORE,
            AuditAction.ARCHIVE,
            AuditAction.CREATE);
    assertThat(history.get(2).changes())
        .containsExactly(new FieldChange("status", "ARCHIVED", "ACTIVE"));
    assertThat(history.get(3).changes())
        .containsExactly(new FieldChange("status", "ACTIVE", "ARCHIVED"));
    AuditEntry delete = history.get(0);
    assertThat(delete.user()).isEqualTo("admin");
    assertThat(delete.changes())
        .containsExactly(
            new FieldChange("name", a.name(), null),
            new FieldChange("owner", "sales", null),
            new FieldChange("stage", "PROSPECT", null),
            new FieldChange("status", "ARCHIVED", null));
    List<AuditEntry> contact = historyOf("contact", c.id());
    assertThat(contact)
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.DELETE, AuditAction.CREATE);
    assertThat(contact.get(0).changes())
        .containsExactly(
            new FieldChange("accountId", a.id().toString(), null),
            new FieldChange("firstName", "Ada", null),
            new FieldChange("lastName", "Lovelace", null),
            new FieldChange("title", "CTO", null));
  }

  @Test
  void contactChangesAreAuditedOnTheContact() {
    Account a = newAccount(unique("Contact audit"), null);
    Contact c =
        accounts.addContact(
            SALES, a.id(), new ContactDraft("Ada", "Lovelace", "ada@example.com", null, "CTO"));
    Contact changed =
        accounts.updateContact(
            SALES,
            a.id(),
            c.id(),
            c.version(),
            new ContactDraft("Ada", "King", "ada@example.com", "+44 1", "CEO"));
    accounts.removeContact(ADMIN, a.id(), c.id(), changed.version());

    List<AuditEntry> history = historyOf("contact", c.id());
    assertThat(history)
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.DELETE, AuditAction.UPDATE, AuditAction.CREATE);
    assertThat(history.get(2).changes())
        .containsExactly(
            new FieldChange("accountId", null, a.id().toString()),
            new FieldChange("firstName", null, "Ada"),
            new FieldChange("lastName", null, "Lovelace"),
            new FieldChange("email", null, "ada@example.com"),
            new FieldChange("title", null, "CTO"));
    assertThat(history.get(1).changes())
        .containsExactly(
            new FieldChange("lastName", "Lovelace", "King"),
            new FieldChange("phone", null, "+44 1"),
            new FieldChange("title", "CTO", "CEO"));
    assertThat(history.get(0).user()).isEqualTo("admin");
    assertThat(historyOf("account", a.id()))
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.CREATE);
  }

  @Test
  void anUpdateThatChangesNoFieldRecordsNothing() {
    Account a = newAccount(unique("Unchanged"), null);
    accounts.update(SALES, a.id(), 0, draft(a, a.stage()));

    assertThat(historyOf("account", a.id()))
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.CREATE);
  }

  @Test
  void refusedChangesAuditNothing() {
    String ref = "P-" + UUID.randomUUID();
    newAccount(unique("Holder"), ref);
    Account a = newAccount(unique("Refused"), null);
    Contact c =
        accounts.addContact(SALES, a.id(), new ContactDraft(null, "Kept", null, null, null));
    Account v1 = accounts.update(SALES, a.id(), 0, draft(a, LifecycleStage.CUSTOMER));
    List<AuditEntry> before = historyOf("account", a.id());

    assertThatThrownBy(() -> accounts.update(SALES, a.id(), 0, draft(a, LifecycleStage.INACTIVE)))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(
            () ->
                accounts.update(
                    SALES, a.id(), v1.version(), new AccountDraft(" ", null, "sales", null)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> accounts.update(VIEWER, a.id(), v1.version(), draft(a, LifecycleStage.INACTIVE)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                accounts.update(
                    SALES,
                    a.id(),
                    v1.version(),
                    new AccountDraft(a.name(), ref, "sales", LifecycleStage.CUSTOMER)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () -> accounts.update(SALES, a.id(), v1.version(), draft(a, LifecycleStage.PROSPECT)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> accounts.archive(VIEWER, a.id(), v1.version()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> accounts.delete(SALES, a.id(), v1.version()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                accounts.updateContact(
                    SALES,
                    a.id(),
                    c.id(),
                    c.version() + 5,
                    new ContactDraft(null, "X", null, null, null)))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(() -> accounts.removeContact(VIEWER, a.id(), c.id(), c.version()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> accounts.create(VIEWER, new AccountDraft("Never", null, null, null)))
        .isInstanceOf(AccessDeniedException.class);

    assertThat(historyOf("account", a.id())).isEqualTo(before);
    assertThat(historyOf("contact", c.id()))
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.CREATE);
    assertThat(audit.history(ADMIN, AuditQuery.ofUser("viewer", 10)).items()).isEmpty();
  }

  @Test
  void historyPagesNewestFirstPerRecordAndPerUser() {
    Actor editor = user("editor-" + UUID.randomUUID(), Role.CRM_USER, Actor.Channel.REST);
    Account a = accounts.create(editor, new AccountDraft(unique("Paged"), null, null, null));
    Account other = accounts.create(editor, new AccountDraft(unique("Other"), null, null, null));
    Account current = a;
    for (int i = 1; i <= 4; i++) {
      current =
          accounts.update(
              editor,
              a.id(),
              current.version(),
              new AccountDraft(a.name() + " v" + i, null, current.owner(), current.stage()));
    }

    List<AuditEntry> seen = new ArrayList<>();
    AuditQuery q = AuditQuery.ofRecord("account", a.id(), 2);
    int pages = 0;
    for (String cursor = null; pages == 0 || cursor != null; pages++) {
      Page<AuditEntry> page = audit.history(editor, q.after(cursor));
      seen.addAll(page.items());
      cursor = page.nextCursor().orElse(null);
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .extracting(AuditEntry::action)
        .containsExactly(
            AuditAction.UPDATE,
            AuditAction.UPDATE,
            AuditAction.UPDATE,
            AuditAction.UPDATE,
            AuditAction.CREATE);
    assertThat(seen.get(0).changes())
        .containsExactly(new FieldChange("name", a.name() + " v3", a.name() + " v4"));
    assertThat(seen)
        .extracting(AuditEntry::at)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());

    List<AuditEntry> byUser = new ArrayList<>();
    AuditQuery u = AuditQuery.ofUser(editor.user(), 4);
    Page<AuditEntry> first = audit.history(ADMIN, u);
    byUser.addAll(first.items());
    Page<AuditEntry> second = audit.history(ADMIN, u.after(first.nextCursor().orElseThrow()));
    byUser.addAll(second.items());
    assertThat(second.nextCursor()).isEmpty();
    assertThat(byUser).hasSize(6).extracting(AuditEntry::id).doesNotHaveDuplicates();
    assertThat(byUser).extracting(AuditEntry::user).containsOnly(editor.user());
    assertThat(byUser.get(5).recordId()).isEqualTo(a.id());
    assertThat(byUser.get(4).recordId()).isEqualTo(other.id());

    Instant lastUpdate = seen.get(0).at();
    assertThat(
            audit
                .history(
                    ADMIN, new AuditQuery(null, null, editor.user(), lastUpdate, null, 10, null))
                .items())
        .extracting(AuditEntry::at)
        .containsOnly(lastUpdate);
    assertThat(
            audit
                .history(
                    ADMIN, new AuditQuery(null, null, editor.user(), null, lastUpdate, 10, null))
                .items())
        .hasSize(5);
    assertThatThrownBy(() -> audit.history(ADMIN, q.after(first.nextCursor().orElseThrow())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cursor");
  }

  @Test
  void recordHistoryIsForReadersAndUserHistoryForAdminsOnly() {
    Account a = newAccount(unique("Permissions"), null);
    AuditQuery record = AuditQuery.ofRecord("account", a.id(), 10);
    Actor nobody = new Actor("nobody", Set.of(), Actor.Channel.REST);

    assertThat(audit.history(VIEWER, record).items()).hasSize(1);
    assertThat(audit.history(SALES, record).items()).hasSize(1);
    assertThatThrownBy(() -> audit.history(nobody, record))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> audit.history(VIEWER, AuditQuery.ofUser("sales", 10)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> audit.history(SALES, AuditQuery.ofUser("sales", 10)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(audit.history(ADMIN, AuditQuery.ofUser("sales", 1)).items()).hasSize(1);
  }

  @Test
  void historyQueriesAreValidated() {
    UUID id = UUID.randomUUID();
    assertThat(audit.history(ADMIN, AuditQuery.ofRecord("account", id, 10)).items()).isEmpty();
    // Only those who see every record see the history of one that does not exist (any more).
    assertThatThrownBy(() -> audit.history(SALES, AuditQuery.ofRecord("account", id, 10)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> audit.history(ADMIN, new AuditQuery(null, null, null, null, null, 10, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("user");
    assertThatThrownBy(
            () ->
                audit.history(ADMIN, new AuditQuery("account", id, "sales", null, null, 10, null)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> audit.history(ADMIN, AuditQuery.ofRecord("account", id, 0)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");
    Instant now = Instant.now();
    assertThatThrownBy(
            () -> audit.history(ADMIN, new AuditQuery("account", id, null, now, now, 10, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("from");
    assertThatThrownBy(
            () -> audit.history(ADMIN, AuditQuery.ofRecord("account", id, 10).after("%%%")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cursor");
  }

  // ---- Webhooks out ----

  private static final String SECRET = "s3cret-0123456789-abcdef";

  private WebhookSubscription subscribe(boolean active, String... types) {
    return webhooks.subscribe(
        ADMIN,
        new WebhookSubscriptionDraft(
            "https://hooks.example.com/crm/" + UUID.randomUUID(), List.of(types), SECRET, active));
  }

  private List<WebhookDelivery> deliveriesOf(WebhookSubscription s) {
    return webhooks.deliveries(ADMIN, s.id(), 200, null).items();
  }

  private Optional<DueDelivery> claim(UUID deliveryId) {
    return webhooks.claimDue(10_000).stream()
        .filter(d -> d.deliveryId().equals(deliveryId))
        .findFirst();
  }

  private boolean eventExists(UUID eventId) {
    javax.persistence.EntityManager em = emf.createEntityManager();
    try {
      return !em.createQuery(
              "select e.sequence from OutboxEventEntity e where e.eventId = :id", Long.class)
          .setParameter("id", eventId.toString())
          .getResultList()
          .isEmpty();
    } finally {
      em.close();
    }
  }

  @Test
  void housekeepingPurgesFinishedDeliveriesAndThenTheSentEventsNoDeliveryNeeds() {
    // Other tests' subscriptions (e.g. "*") would give every event here a delivery.
    webhooks.subscriptions(ADMIN).forEach(other -> webhooks.unsubscribe(ADMIN, other.id()));
    WebhookSubscription s = subscribe(true, "account.created");
    Account a = newAccount(unique("Purged"), null);
    accounts.update(SALES, a.id(), 0, draft(a, LifecycleStage.CUSTOMER));
    List<OutboxEvent> events = eventsOf(a.id());
    OutboxEvent created = events.get(0);
    OutboxEvent updated = events.get(1);
    Instant later = Instant.now().plus(Duration.ofDays(1));

    assertThat(outbox.purgeSent(later, 10_000)).as("nothing is purged before it is sent").isZero();
    assertThat(eventExists(created.eventId())).isTrue();
    outbox.markSent(List.of(created.sequence(), updated.sequence()));
    outbox.purgeSent(later, 10_000);
    assertThat(eventExists(updated.eventId())).isFalse();
    assertThat(eventExists(created.eventId())).as("its delivery still needs it").isTrue();

    WebhookDelivery delivery = deliveriesOf(s).get(0);
    webhooks.purgeFinished(later, 10_000);
    assertThat(deliveriesOf(s)).as("a pending delivery is never purged").hasSize(1);
    webhooks.recordAttempt(
        claim(delivery.id()).orElseThrow().deliveryId(), AttemptOutcome.delivered(204));
    webhooks.purgeFinished(Instant.now().minus(Duration.ofDays(1)), 10_000);
    assertThat(deliveriesOf(s)).as("a young delivery is kept").hasSize(1);
    while (webhooks.purgeFinished(later, 1) == 1) {
      // one at a time, as the route's batches do
    }
    assertThat(deliveriesOf(s)).isEmpty();
    outbox.purgeSent(later, 10_000);
    assertThat(eventExists(created.eventId())).isFalse();
    assertThatThrownBy(() -> outbox.purgeSent(later, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEventFansOutToEveryMatchingActiveSubscriptionInItsTransaction() {
    WebhookSubscription accountsAll = subscribe(true, "account.*");
    WebhookSubscription created = subscribe(true, "account.created");
    WebhookSubscription contacts = subscribe(true, "contact.*");
    WebhookSubscription inactive = subscribe(false, "*");
    WebhookSubscription everything = subscribe(true, "*");

    Account a = newAccount(unique("Hooked"), null);
    UUID createdEvent = eventsOf(a.id()).get(0).eventId();
    accounts.update(SALES, a.id(), 0, draft(a, LifecycleStage.CUSTOMER));
    UUID updatedEvent = eventsOf(a.id()).get(1).eventId();

    assertThat(deliveriesOf(accountsAll))
        .filteredOn(d -> d.eventId().equals(createdEvent) || d.eventId().equals(updatedEvent))
        .extracting(WebhookDelivery::eventType)
        .containsExactly("account.updated", "account.created");
    assertThat(deliveriesOf(created))
        .filteredOn(d -> d.eventId().equals(createdEvent) || d.eventId().equals(updatedEvent))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.eventType()).isEqualTo("account.created");
              assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
              assertThat(d.attempts()).isZero();
              assertThat(d.subscriptionId()).isEqualTo(created.id());
              assertThat(d.nextAttemptAt()).isNotNull();
              assertThat(d.deliveredAt()).isNull();
            });
    assertThat(deliveriesOf(everything))
        .filteredOn(d -> d.eventId().equals(createdEvent) || d.eventId().equals(updatedEvent))
        .hasSize(2);
    assertThat(deliveriesOf(contacts))
        .noneMatch(d -> d.eventId().equals(createdEvent) || d.eventId().equals(updatedEvent));
    assertThat(deliveriesOf(inactive)).isEmpty();
  }

  @Test
  void aRefusedChangeCreatesNoDelivery() {
    WebhookSubscription all = subscribe(true, "*");
    String ref = "P-" + UUID.randomUUID();
    newAccount(unique("First"), ref);
    int before = deliveriesOf(all).size();

    assertThatThrownBy(() -> newAccount(unique("Second"), ref))
        .isInstanceOf(ConflictException.class);

    assertThat(deliveriesOf(all)).hasSize(before);
  }

  @Test
  void eventTypePatternsMatchExactlyByPrefixOrAll() {
    assertThat(WebhookRules.matches(List.of("account.*"), "account.created")).isTrue();
    assertThat(WebhookRules.matches(List.of("account.*"), "accounting.created")).isFalse();
    assertThat(WebhookRules.matches(List.of("account.created"), "account.updated")).isFalse();
    assertThat(WebhookRules.matches(List.of("contact.*", "account.updated"), "account.updated"))
        .isTrue();
    assertThat(WebhookRules.matches(List.of("*"), "invoice.posted")).isTrue();
  }

  @Test
  void subscriptionsAreValidatedAndTheSecretIsNeverReturned() {
    for (String bad :
        List.of(
            "ftp://hooks.example.com/x",
            "file:///etc/passwd",
            "https://user:pw@hooks.example.com/x",
            "hooks.example.com/x",
            "http:///nohost",
            " ")) {
      assertThatThrownBy(
              () ->
                  webhooks.subscribe(
                      ADMIN, new WebhookSubscriptionDraft(bad, List.of("account.*"), SECRET, true)))
          .as(bad)
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.errors())
                      .extracting(ValidationException.FieldError::field)
                      .containsExactly("url"));
    }
    assertThatThrownBy(
            () ->
                webhooks.subscribe(
                    ADMIN,
                    new WebhookSubscriptionDraft(
                        "https://hooks.example.com/x", List.of("Account.*", "a*"), "short", true)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("eventTypes", "eventTypes", "secret"));
    assertThatThrownBy(
            () ->
                webhooks.subscribe(
                    ADMIN,
                    new WebhookSubscriptionDraft(
                        "https://hooks.example.com/x", List.of(), SECRET, true)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("eventTypes");

    WebhookSubscription s =
        webhooks.subscribe(
            ADMIN,
            new WebhookSubscriptionDraft(
                " HTTP://hooks.example.com:8080/in?x=1 ",
                List.of(" account.* ", "account.receivables-changed", "contact.*", "contact.*"),
                SECRET,
                true));
    assertThat(s.url()).isEqualTo("HTTP://hooks.example.com:8080/in?x=1");
    assertThat(s.eventTypes())
        .containsExactly("account.*", "account.receivables-changed", "contact.*");
    assertThat(s.createdBy()).isEqualTo("admin");
    assertThat(webhooks.subscription(ADMIN, s.id())).isEqualTo(s);
    assertThat(webhooks.subscriptions(ADMIN)).contains(s);
    assertThat(s.toString()).doesNotContain(SECRET);
    assertThat(new WebhookSubscriptionDraft("https://x", List.of("*"), SECRET, true).toString())
        .doesNotContain(SECRET);
  }

  @Test
  void webhooksAreForAdminsOnly() {
    WebhookSubscription s = subscribe(true, "account.*");
    WebhookSubscriptionDraft d =
        new WebhookSubscriptionDraft("https://hooks.example.com/x", List.of("*"), SECRET, true);
    for (Actor actor : List.of(SALES, VIEWER, Actor.system("route"))) {
      assertThatThrownBy(() -> webhooks.subscribe(actor, d))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> webhooks.subscriptions(actor))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> webhooks.subscription(actor, s.id()))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> webhooks.deliveries(actor, s.id(), 10, null))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> webhooks.unsubscribe(actor, s.id()))
          .isInstanceOf(AccessDeniedException.class);
    }
    assertThat(webhooks.subscription(ADMIN, s.id())).isEqualTo(s);
  }

  @Test
  void aDueDeliveryCarriesTheEventAndIsClaimedOncePerLease() {
    WebhookSubscription s = subscribe(true, "account.created");
    Account a = newAccount(unique("Claimed"), null);
    OutboxEvent event = eventsOf(a.id()).get(0);
    WebhookDelivery d = deliveriesOf(s).get(0);
    webhookClock.set(Instant.now().plusSeconds(1));

    DueDelivery due = claim(d.id()).orElseThrow();
    assertThat(due.url()).isEqualTo(s.url());
    assertThat(due.secret()).isEqualTo(SECRET);
    assertThat(due.eventId()).isEqualTo(event.eventId());
    assertThat(due.eventType()).isEqualTo("account.created");
    assertThat(due.payload()).isEqualTo(event.payload());
    assertThat(due.attempt()).isEqualTo(1);
    assertThat(due.toString()).doesNotContain(SECRET);

    assertThat(claim(d.id())).isEmpty();
    webhookClock.advance(JpaWebhookService.CLAIM_LEASE.minusSeconds(1));
    assertThat(claim(d.id())).isEmpty();
    webhookClock.advance(Duration.ofSeconds(1));
    assertThat(claim(d.id())).get().extracting(DueDelivery::attempt).isEqualTo(1);
  }

  @Test
  void failedAttemptsBackOffThenTheDeliveryIsDead() {
    WebhookSubscription s = subscribe(true, "account.created");
    newAccount(unique("Failing"), null);
    UUID id = deliveriesOf(s).get(0).id();
    webhookClock.set(Instant.now().plusSeconds(1));
    List<Duration> expected =
        List.of(
            Duration.ofSeconds(10),
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2));

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(claim(id)).get().extracting(DueDelivery::attempt).isEqualTo(attempt);
      WebhookDelivery after = webhooks.recordAttempt(id, AttemptOutcome.failed(500, "HTTP 500"));
      Duration pause = expected.get(attempt - 1);
      assertThat(after.status()).isEqualTo(DeliveryStatus.FAILED);
      assertThat(after.attempts()).isEqualTo(attempt);
      assertThat(after.lastStatusCode()).isEqualTo(500);
      assertThat(after.lastError()).isEqualTo("HTTP 500");
      assertThat(after.nextAttemptAt()).isEqualTo(webhookClock.instant().plus(pause));
      webhookClock.advance(pause.minusMillis(1));
      assertThat(claim(id)).as("not due before its back-off").isEmpty();
      webhookClock.advance(Duration.ofMillis(1));
    }
    assertThat(claim(id)).get().extracting(DueDelivery::attempt).isEqualTo(6);
    WebhookDelivery dead =
        webhooks.recordAttempt(id, AttemptOutcome.failed(null, "connect timed out"));

    assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD);
    assertThat(dead.attempts()).isEqualTo(6);
    assertThat(dead.lastStatusCode()).isNull();
    assertThat(dead.lastError()).isEqualTo("connect timed out");
    assertThat(dead.nextAttemptAt()).isNull();
    webhookClock.advance(Duration.ofDays(30));
    assertThat(claim(id)).isEmpty();
    assertThat(webhooks.recordAttempt(id, AttemptOutcome.delivered(200))).isEqualTo(dead);
    assertThat(deliveriesOf(s)).containsExactly(dead);
  }

  @Test
  void aSuccessfulAttemptDeliversAfterAFailure() {
    WebhookSubscription s = subscribe(true, "account.created");
    newAccount(unique("Recovering"), null);
    UUID id = deliveriesOf(s).get(0).id();
    webhookClock.set(Instant.now().plusSeconds(1));

    claim(id).orElseThrow();
    webhooks.recordAttempt(id, AttemptOutcome.failed(503, "HTTP 503"));
    webhookClock.advance(Duration.ofSeconds(10));
    claim(id).orElseThrow();
    WebhookDelivery done = webhooks.recordAttempt(id, AttemptOutcome.delivered(204));

    assertThat(done.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(done.lastStatusCode()).isEqualTo(204);
    assertThat(done.lastError()).isNull();
    assertThat(done.nextAttemptAt()).isNull();
    assertThat(done.deliveredAt()).isEqualTo(webhookClock.instant());
    webhookClock.advance(Duration.ofDays(1));
    assertThat(claim(id)).isEmpty();
  }

  @Test
  void deliveriesPageNewestFirstAndGoWithTheirSubscription() {
    WebhookSubscription s = subscribe(true, "account.*");
    Account a = newAccount(unique("Paged"), null);
    Account b = accounts.update(SALES, a.id(), 0, draft(a, LifecycleStage.CUSTOMER));
    accounts.archive(SALES, a.id(), b.version());

    Page<WebhookDelivery> first = webhooks.deliveries(ADMIN, s.id(), 2, null);
    assertThat(first.items())
        .extracting(WebhookDelivery::eventType)
        .containsExactly("account.archived", "account.updated");
    Page<WebhookDelivery> second =
        webhooks.deliveries(ADMIN, s.id(), 2, first.nextCursor().orElseThrow());
    assertThat(second.items())
        .extracting(WebhookDelivery::eventType)
        .containsExactly("account.created");
    assertThat(second.nextCursor()).isEmpty();
    WebhookSubscription other = subscribe(true, "*");
    assertThatThrownBy(
            () -> webhooks.deliveries(ADMIN, other.id(), 2, first.nextCursor().orElseThrow()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("cursor");
    assertThatThrownBy(() -> webhooks.deliveries(ADMIN, s.id(), 0, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("limit");

    UUID deliveryId = first.items().get(0).id();
    webhooks.unsubscribe(ADMIN, s.id());

    assertThatThrownBy(() -> webhooks.subscription(ADMIN, s.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> webhooks.deliveries(ADMIN, s.id(), 10, null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> webhooks.unsubscribe(ADMIN, s.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> webhooks.recordAttempt(deliveryId, AttemptOutcome.delivered(200)))
        .isInstanceOf(NotFoundException.class);
    webhookClock.set(Instant.now().plus(Duration.ofDays(1)));
    assertThat(claim(deliveryId)).isEmpty();
  }

  /** A clock the webhook tests move by hand, so back-off is tested without waiting. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.now();

    void set(Instant instant) {
      now = instant.truncatedTo(ChronoUnit.MICROS);
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new AssertionError("not called by the code under test");
    }
  }

  private static InvoicePosted invoice(String messageId, String ref, String amount) {
    return new InvoicePosted(
        messageId, "tryton", ref, "INV-" + messageId, new BigDecimal(amount), "EUR", Instant.now());
  }

  private static AccountDraft draft(Account a, LifecycleStage stage) {
    return new AccountDraft(a.name(), a.erpRef(), a.taxId(), a.owner(), stage);
  }

  private static AccountQuery query(
      String prefix, boolean archived, AccountSort sort, int limit, String cursor) {
    return new AccountQuery(prefix, null, archived, sort, limit, cursor);
  }

  private static List<String> names(Page<Account> page) {
    return page.items().stream().map(Account::name).toList();
  }
}
