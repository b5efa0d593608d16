package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.ActivityDraft;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.ActivityQuery;
import org.loopcrm.crm.api.activity.Direction;
import org.loopcrm.crm.api.activity.Notification;
import org.loopcrm.crm.api.activity.Participant;
import org.loopcrm.crm.api.activity.TaskStatus;
import org.loopcrm.crm.api.activity.TimelineItem;
import org.loopcrm.crm.api.activity.TimelineQuery;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.event.OutboxEvent;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentDraft;
import org.loopcrm.crm.api.privacy.ConsentStatus;

/**
 * Activities, tasks, reminders and the timeline on a real database: the role matrix and
 * record-level access, audit and events, exactly-once reminders with two pollers, and exact
 * timeline paging across sources with many items that share one instant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ActivityContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor SALES = new Actor("sales", Set.of(Role.CRM_SALES), Actor.Channel.REST);
  static final Actor MATE = new Actor("mate", Set.of(Role.CRM_SERVICE), Actor.Channel.REST);
  static final Actor VIEWER = new Actor("viewer", Set.of(Role.CRM_VIEWER), Actor.Channel.REST);
  static final Actor MANAGER = new Actor("boss", Set.of(Role.CRM_MANAGER), Actor.Channel.REST);
  static final Actor STRANGER = new Actor("stranger", Set.of(Role.CRM_SALES), Actor.Channel.REST);

  /** One instant that many records share, so the cursor's tie-breaks are exercised. */
  static final Instant TIE = Instant.parse("2026-01-15T10:00:00.123456Z");

  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaAccountService tiedAccounts;
  private JpaActivityService activities;
  private JpaNotificationService notifications;
  private JpaTimelineService timeline;
  private JpaAuditService audit;
  private JpaOutboxService outbox;
  private JpaPrivacyService tiedPrivacy;

  abstract DataSource newDatabase();

  @BeforeAll
  void open() {
    emf = TestDatabases.open(newDatabase());
    Clock tie = Clock.fixed(TIE, ZoneOffset.UTC);
    accounts = new JpaAccountService(emf, Clock.systemUTC());
    tiedAccounts = new JpaAccountService(emf, tie);
    activities = new JpaActivityService(emf, Clock.systemUTC(), AccessPolicy.privateAccess());
    notifications = new JpaNotificationService(emf, Clock.systemUTC());
    timeline = new JpaTimelineService(emf);
    audit = new JpaAuditService(emf);
    outbox = new JpaOutboxService(emf, Clock.systemUTC());
    tiedPrivacy = new JpaPrivacyService(emf, tie);
    new JpaAccessService(emf, Clock.systemUTC(), AccessPolicy.privateAccess())
        .createTeam(ADMIN, "desk", List.of("sales", "mate", "viewer", "boss"));
  }

  @AfterAll
  void close() {
    emf.close();
  }

  private Account newAccount() {
    return accounts.create(
        SALES, new AccountDraft("Activity " + UUID.randomUUID(), null, null, null));
  }

  private Contact newContact(Account a, String last) {
    return accounts.addContact(SALES, a.id(), new ContactDraft("Ann", last, null, null, null));
  }

  private static ActivityDraft call(UUID account, String subject, Instant at) {
    return new ActivityDraft(
        ActivityKind.CALL,
        Direction.OUTBOUND,
        "phone",
        subject,
        "talked about the renewal",
        at,
        null,
        account,
        null,
        List.of(),
        null,
        null,
        null);
  }

  private static ActivityDraft task(UUID account, String subject, Instant due, Instant remind) {
    return new ActivityDraft(
        ActivityKind.TASK,
        null,
        null,
        subject,
        null,
        null,
        null,
        account,
        null,
        List.of(),
        null,
        due,
        remind);
  }

  private List<String> eventsOf(UUID id) {
    List<String> types = new ArrayList<>();
    for (OutboxEvent e : outbox.pending(100_000)) {
      if (e.aggregateId().equals(id.toString())) {
        types.add(e.type());
      }
    }
    return types;
  }

  // --- activities

  @Test
  void aMeetingIsLoggedReadUpdatedAuditedAndAnnounced() {
    Account a = newAccount();
    Contact ann = newContact(a, "Meeting");
    Instant start = Instant.parse("2026-02-01T09:00:00Z");
    Activity m =
        activities.create(
            SALES,
            new ActivityDraft(
                ActivityKind.MEETING,
                Direction.INTERNAL,
                " teams ",
                " Kick-off ",
                "agenda",
                start,
                start.plus(Duration.ofHours(1)),
                a.id(),
                ann.id(),
                List.of(
                    Participant.contact(ann.id()),
                    Participant.user("mate"),
                    Participant.user("mate")),
                null,
                null,
                null));
    assertThat(m.subject()).isEqualTo("Kick-off");
    assertThat(m.channel()).isEqualTo("teams");
    assertThat(m.owner()).isEqualTo("sales");
    assertThat(m.status()).isNull();
    assertThat(m.participants())
        .containsExactly(Participant.contact(ann.id()), Participant.user("mate"));
    assertThat(activities.get(VIEWER, m.id())).isEqualTo(m);

    Activity changed =
        activities.update(
            MATE,
            m.id(),
            m.version(),
            new ActivityDraft(
                ActivityKind.MEETING,
                Direction.INTERNAL,
                "teams",
                "Kick-off, moved",
                "agenda",
                start,
                null,
                null,
                ann.id(),
                List.of(Participant.user("mate")),
                null,
                null,
                null));
    assertThat(changed.version()).isEqualTo(m.version() + 1);
    assertThat(changed.participants()).containsExactly(Participant.user("mate"));
    assertThatThrownBy(
            () -> activities.update(SALES, m.id(), m.version(), call(null, "stale", Instant.now())))
        .isInstanceOf(StaleVersionException.class);

    List<AuditEntry> history =
        audit.history(VIEWER, AuditQuery.ofRecord("activity", m.id(), 50)).items();
    assertThat(history)
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
    assertThat(history.get(0).changes())
        .extracting(c -> c.field())
        .containsExactlyInAnyOrder("subject", "endsAt", "participants");
    assertThat(eventsOf(m.id())).containsExactly("activity.created", "activity.updated");
  }

  @Test
  void badInputIsRefusedFieldByField() {
    Account a = newAccount();
    Account other = newAccount();
    Contact elsewhere = newContact(other, "Elsewhere");
    assertThatThrownBy(
            () ->
                activities.create(
                    SALES,
                    new ActivityDraft(
                        ActivityKind.NOTE,
                        Direction.INBOUND,
                        null,
                        " ",
                        null,
                        Instant.parse("2026-01-02T00:00:00Z"),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        a.id(),
                        null,
                        List.of(new Participant(null, null)),
                        "not a user!",
                        Instant.now(),
                        null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactlyInAnyOrder(
                        "direction", "subject", "endsAt", "owner", "dueAt", "participants[0]"));
    assertThatThrownBy(
            () ->
                activities.create(
                    SALES,
                    new ActivityDraft(
                        ActivityKind.CALL,
                        null,
                        null,
                        "x",
                        null,
                        null,
                        null,
                        a.id(),
                        elsewhere.id(),
                        List.of(),
                        null,
                        null,
                        null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("contactId"));
    Activity c = activities.create(SALES, call(a.id(), "call", null));
    assertThatThrownBy(
            () -> activities.update(SALES, c.id(), c.version(), call(other.id(), "moved", null)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                activities.update(SALES, c.id(), c.version(), task(null, "now a task", null, null)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> activities.get(SALES, UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void tasksAreCompletedCancelledAndReopenedAndNonsenseIsAConflict() {
    Account a = newAccount();
    Activity t = activities.create(SALES, task(a.id(), "send offer", Instant.now(), null));
    assertThat(t.status()).isEqualTo(TaskStatus.OPEN);
    Activity done = activities.complete(MATE, t.id(), t.version());
    assertThat(done.status()).isEqualTo(TaskStatus.DONE);
    assertThat(done.completedBy()).isEqualTo("mate");
    assertThat(done.completedAt()).isNotNull();
    assertThatThrownBy(() -> activities.complete(SALES, t.id(), done.version()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> activities.cancel(SALES, t.id(), done.version()))
        .isInstanceOf(ConflictException.class);
    Activity open = activities.reopen(SALES, t.id(), done.version());
    assertThat(open.status()).isEqualTo(TaskStatus.OPEN);
    assertThat(open.completedAt()).isNull();
    Activity cancelled = activities.cancel(SALES, t.id(), open.version());
    assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
    Activity c = activities.create(SALES, call(a.id(), "a call", null));
    assertThatThrownBy(() -> activities.complete(SALES, c.id(), c.version()))
        .isInstanceOf(ConflictException.class);
    assertThat(eventsOf(t.id()))
        .containsExactly(
            "activity.created", "activity.completed", "activity.reopened", "activity.cancelled");
  }

  @Test
  void activitiesFollowTheirAccountAndTheRoleMatrix() {
    Account a = newAccount();
    Activity c = activities.create(SALES, call(a.id(), "private call", null));
    assertThatThrownBy(() -> activities.get(STRANGER, c.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> activities.list(STRANGER, ActivityQuery.of(a.id(), 10)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> timeline.timeline(STRANGER, new TimelineQuery(a.id(), null, Set.of(), 10, null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> activities.create(STRANGER, call(a.id(), "x", null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> activities.complete(STRANGER, c.id(), c.version()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> audit.history(STRANGER, AuditQuery.ofRecord("activity", c.id(), 10)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> activities.create(VIEWER, call(a.id(), "x", null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> activities.delete(SALES, c.id(), c.version()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(activities.list(VIEWER, ActivityQuery.of(a.id(), 10)).items())
        .extracting(Activity::id)
        .containsExactly(c.id());
    activities.delete(MANAGER, c.id(), c.version());
    assertThatThrownBy(() -> activities.get(SALES, c.id())).isInstanceOf(NotFoundException.class);
    // The history of a deleted activity still follows its account.
    assertThat(audit.history(VIEWER, AuditQuery.ofRecord("activity", c.id(), 10)).items())
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.DELETE, AuditAction.CREATE);
    assertThat(eventsOf(c.id())).containsExactly("activity.created", "activity.deleted");
  }

  @Test
  void listsFilterByKindStatusAndContactAndPageExactly() {
    Account a = newAccount();
    Contact ann = newContact(a, "Lister");
    Set<UUID> calls = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      calls.add(activities.create(SALES, call(a.id(), "call " + i, TIE)).id());
    }
    Activity t = activities.create(SALES, task(a.id(), "follow up", TIE, null));
    Activity aboutAnn =
        activities.create(
            SALES,
            new ActivityDraft(
                ActivityKind.EMAIL,
                Direction.INBOUND,
                null,
                "from Ann",
                null,
                TIE,
                null,
                a.id(),
                null,
                List.of(Participant.contact(ann.id())),
                null,
                null,
                null));
    List<UUID> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<Activity> p =
          activities.list(
              SALES,
              new ActivityQuery(a.id(), null, Set.of(ActivityKind.CALL), null, null, 3, cursor));
      p.items().forEach(x -> seen.add(x.id()));
      cursor = p.nextCursor().orElse(null);
    } while (cursor != null);
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    assertThat(Set.copyOf(seen)).isEqualTo(calls);
    assertThat(
            activities
                .list(
                    SALES,
                    new ActivityQuery(a.id(), null, Set.of(), TaskStatus.OPEN, null, 10, null))
                .items())
        .extracting(Activity::id)
        .containsExactly(t.id());
    assertThat(
            activities
                .list(SALES, new ActivityQuery(a.id(), ann.id(), Set.of(), null, null, 10, null))
                .items())
        .extracting(Activity::id)
        .containsExactly(aboutAnn.id());
    // Removing the contact keeps the activity, without the contact.
    Contact current = accounts.contact(SALES, a.id(), ann.id());
    accounts.removeContact(SALES, a.id(), ann.id(), current.version());
    assertThat(activities.get(SALES, aboutAnn.id()).participants()).isEmpty();
  }

  // --- reminders

  @Test
  void dueRemindersFireExactlyOnceEvenWithTwoPollers() throws Exception {
    Account a = newAccount();
    Instant past = Instant.now().minus(Duration.ofMinutes(5));
    List<UUID> due = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      due.add(activities.create(SALES, task(a.id(), "due " + i, null, past)).id());
    }
    Activity future =
        activities.create(
            SALES, task(a.id(), "later", null, Instant.now().plus(Duration.ofDays(1))));
    Activity closed = activities.create(SALES, task(a.id(), "closed", null, past));
    activities.complete(SALES, closed.id(), closed.version());

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Callable<List<Notification>> poller =
          () -> {
            start.await();
            return activities.fireDueReminders(100);
          };
      Future<List<Notification>> one = pool.submit(poller);
      Future<List<Notification>> two = pool.submit(poller);
      start.countDown();
      List<Notification> fired = new ArrayList<>(one.get());
      fired.addAll(two.get());
      List<UUID> firedFor = fired.stream().map(Notification::recordId).toList();
      assertThat(firedFor).doesNotHaveDuplicates().containsAll(due);
      assertThat(firedFor).doesNotContain(future.id(), closed.id());
    } finally {
      pool.shutdownNow();
    }
    assertThat(activities.fireDueReminders(100))
        .extracting(Notification::recordId)
        .doesNotContainAnyElementsOf(due);
    for (UUID id : due) {
      assertThat(eventsOf(id)).containsExactly("activity.created", "task.reminder");
      assertThat(activities.get(SALES, id).remindedAt()).isNotNull();
    }

    List<Notification> mine = notifications.mine(SALES, true, 200, null).items();
    assertThat(mine).extracting(Notification::recordId).containsAll(due);
    Notification n = mine.get(0);
    assertThat(n.user()).isEqualTo("sales");
    assertThat(n.text()).startsWith("Reminder: ");
    assertThatThrownBy(() -> notifications.markRead(MATE, n.id()))
        .isInstanceOf(NotFoundException.class);
    Notification read = notifications.markRead(SALES, n.id());
    assertThat(read.readAt()).isNotNull();
    assertThat(notifications.markRead(SALES, n.id()).readAt()).isEqualTo(read.readAt());
    assertThat(notifications.mine(SALES, true, 200, null).items())
        .extracting(Notification::id)
        .doesNotContain(n.id());

    // A new reminder time arms the reminder again.
    Activity t = activities.get(SALES, due.get(0));
    Instant again = Instant.now().minus(Duration.ofSeconds(1)).truncatedTo(ChronoUnit.MICROS);
    activities.update(SALES, t.id(), t.version(), task(null, t.subject(), null, again));
    assertThat(activities.fireDueReminders(100))
        .extracting(Notification::recordId)
        .contains(t.id());
  }

  // --- timeline

  @Test
  void theTimelineMergesSourcesNewestFirstAndPagesExactly() {
    Account a =
        tiedAccounts.create(
            SALES, new AccountDraft("Timeline " + UUID.randomUUID(), null, null, null));
    Contact ann =
        tiedAccounts.addContact(SALES, a.id(), new ContactDraft("Ann", "Line", null, null, null));
    tiedPrivacy.recordConsent(
        SALES,
        ann.id(),
        new ConsentDraft("newsletter", ConsentChannel.EMAIL, ConsentStatus.GRANTED, "web", null));
    Account current = tiedAccounts.get(SALES, a.id());
    tiedAccounts.update(
        SALES,
        a.id(),
        current.version(),
        new AccountDraft(current.name(), null, "sales", LifecycleStage.CUSTOMER));
    for (int i = 0; i < 9; i++) {
      activities.create(SALES, call(a.id(), "tied " + i, TIE));
    }
    activities.create(SALES, call(a.id(), "newest", TIE.plusSeconds(60)));
    activities.create(SALES, call(a.id(), "oldest", TIE.minusSeconds(60)));
    Activity annsTask =
        activities.create(
            SALES,
            new ActivityDraft(
                ActivityKind.TASK,
                null,
                null,
                "call Ann back",
                null,
                null,
                null,
                a.id(),
                ann.id(),
                List.of(),
                null,
                TIE,
                null));

    List<TimelineItem> all =
        timeline.timeline(SALES, new TimelineQuery(a.id(), null, Set.of(), 200, null)).items();
    // 12 activities, account created + updated, contact created, one consent, and the lifecycle
    // transitions (created as PROSPECT, moved to CUSTOMER).
    assertThat(all).hasSize(18);
    assertThat(all.get(0).title()).isEqualTo("newest");
    assertThat(all.get(all.size() - 1).title()).isEqualTo("oldest");
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).at()).isBeforeOrEqualTo(all.get(i - 1).at());
    }
    assertThat(all)
        .extracting(TimelineItem::kind)
        .contains(
            "activity.call",
            "activity.task",
            "account.created",
            "account.updated",
            "contact.created",
            "consent.granted",
            "lifecycle.prospect",
            "lifecycle.customer");
    TimelineItem updated =
        all.stream().filter(i -> i.kind().equals("account.updated")).findFirst().orElseThrow();
    assertThat(updated.summary()).contains("stage: PROSPECT → CUSTOMER");
    assertThat(updated.recordId()).isEqualTo(a.id());

    for (int size : List.of(1, 2, 3, 5, 7)) {
      List<TimelineItem> paged = new ArrayList<>();
      String cursor = null;
      do {
        Page<TimelineItem> p =
            timeline.timeline(SALES, new TimelineQuery(a.id(), null, Set.of(), size, cursor));
        assertThat(p.items().size()).isLessThanOrEqualTo(size);
        paged.addAll(p.items());
        cursor = p.nextCursor().orElse(null);
      } while (cursor != null);
      assertThat(paged).as("pages of " + size).isEqualTo(all);
    }

    assertThat(
            timeline
                .timeline(
                    SALES,
                    new TimelineQuery(a.id(), null, Set.of("activity.task", "consent"), 50, null))
                .items())
        .extracting(TimelineItem::kind)
        .containsExactlyInAnyOrder("activity.task", "consent.granted");
    assertThat(
            timeline
                .timeline(SALES, new TimelineQuery(a.id(), null, Set.of("account"), 50, null))
                .items())
        .extracting(TimelineItem::kind)
        .containsExactly("account.updated", "account.created");
    List<TimelineItem> annsLine =
        timeline.timeline(VIEWER, new TimelineQuery(a.id(), ann.id(), Set.of(), 50, null)).items();
    assertThat(annsLine)
        .extracting(TimelineItem::kind)
        .containsExactlyInAnyOrder("activity.task", "contact.created", "consent.granted");
    assertThat(annsLine)
        .filteredOn(i -> i.kind().equals("activity.task"))
        .extracting(TimelineItem::recordId)
        .containsExactly(annsTask.id());
    String cursor =
        timeline
            .timeline(SALES, new TimelineQuery(a.id(), null, Set.of(), 2, null))
            .nextCursor()
            .orElseThrow();
    assertThatThrownBy(
            () ->
                timeline.timeline(
                    SALES, new TimelineQuery(a.id(), null, Set.of("account"), 2, cursor)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                timeline.timeline(
                    SALES, new TimelineQuery(a.id(), null, Set.of("Bad Kind"), 2, null)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                timeline.timeline(
                    SALES, new TimelineQuery(a.id(), UUID.randomUUID(), Set.of(), 2, null)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingAnAccountDeletesItsActivitiesAndKeepsTheirHistory() {
    Account a = newAccount();
    Activity c = activities.create(SALES, call(a.id(), "before the end", null));
    Account archived = accounts.archive(ADMIN, a.id(), a.version());
    assertThatThrownBy(() -> activities.create(SALES, call(a.id(), "too late", null)))
        .isInstanceOf(ConflictException.class);
    accounts.delete(ADMIN, a.id(), archived.version());
    assertThatThrownBy(() -> activities.get(ADMIN, c.id())).isInstanceOf(NotFoundException.class);
    assertThat(audit.history(ADMIN, AuditQuery.ofRecord("activity", c.id(), 10)).items())
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.DELETE, AuditAction.CREATE);
  }
}
