package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.jpa.Activities.ACTIVITY;
import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.ActivityDraft;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.ActivityQuery;
import org.loopcrm.crm.api.activity.ActivityService;
import org.loopcrm.crm.api.activity.Notification;
import org.loopcrm.crm.api.activity.Participant;
import org.loopcrm.crm.api.activity.TaskStatus;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.core.internal.activity.ActivityRules;
import org.loopcrm.crm.core.internal.activity.TimelineCursor;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activities and tasks on the JPA persistence unit {@code crm}. An activity follows its account
 * ({@link Visibility}); every change is audited as record type {@code activity} and announced in
 * the outbox in its transaction.
 */
@Component(service = ActivityService.class)
public final class JpaActivityService implements ActivityService {
  static final int MAX_LIMIT = 200;
  private static final Logger LOG = LoggerFactory.getLogger(JpaActivityService.class);
  private static final Actor REMINDERS = new Actor("crm-reminders", Set.of(), Actor.Channel.ROUTE);

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaActivityService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy) {
    this(emf, Clock.systemUTC(), policy);
  }

  JpaActivityService(EntityManagerFactory emf, Clock clock, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
  }

  @Override
  public Activity create(Actor actor, ActivityDraft draft) {
    require(actor, Resource.ACTIVITY, Action.CREATE);
    Instant now = now();
    ActivityDraft d = micros(ActivityRules.valid(actor, draft, true, now));
    return tx.inTransaction(
        em -> {
          OrganizationEntity o = writableAccount(em, actor, d.accountId());
          checkContacts(em, o.id, d);
          ActivityEntity a = new ActivityEntity();
          a.activityId = UUID.randomUUID().toString();
          a.accountId = o.id;
          a.createdAt = now;
          a.createdBy = actor.user();
          a.updatedAt = now;
          a.status = d.kind() == ActivityKind.TASK ? TaskStatus.OPEN : null;
          apply(a, d);
          em.persist(a);
          em.flush();
          if (a.kind == ActivityKind.TASK && (draft.owner() == null || draft.owner().isBlank())) {
            // A task without an assignee goes where the TASK rules say; none: the creator's.
            Assignment given =
                AssignmentEngine.assign(
                    em, actor, RecordKind.TASK, a.activityId, taskAttributes(o, a), now);
            if (given.owner() != null) {
              a.owner = given.owner();
            }
          }
          List<Participant> ps = writeParticipants(em, a, d.participants());
          AuditLog.record(
              em, actor, AuditAction.CREATE, ACTIVITY, a.activityId, null, image(a, ps), now);
          Outbox.append(
              em, ACTIVITY, a.activityId, "activity.created", Activities.eventData(a, actor), now);
          return Activities.toActivity(a, ps);
        });
  }

  @Override
  public Activity get(Actor actor, UUID id) {
    require(actor, Resource.ACTIVITY, Action.READ);
    return tx.readOnly(
        em -> {
          ActivityEntity a = Activities.find(em, id);
          readableAccount(em, actor, a);
          return Activities.toActivity(a, participantsOf(em, a));
        });
  }

  @Override
  public Activity update(Actor actor, UUID id, long expectedVersion, ActivityDraft draft) {
    require(actor, Resource.ACTIVITY, Action.UPDATE);
    Instant now = now();
    ActivityRules.valid(actor, draft, false, now);
    return tx.inTransaction(
        em -> {
          ActivityEntity a = forChange(em, actor, id, expectedVersion);
          // Without occurredAt an update keeps the activity's time.
          ActivityDraft d = micros(ActivityRules.valid(actor, draft, false, a.occurredAt, a.owner));
          if (d.accountId() != null && !d.accountId().toString().equals(a.accountId)) {
            throw new ValidationException(
                List.of(new FieldError("accountId", "cannot be changed: create a new activity")));
          }
          if ((a.kind == ActivityKind.TASK) != (d.kind() == ActivityKind.TASK)) {
            throw new ValidationException(
                List.of(new FieldError("kind", "cannot change to or from TASK")));
          }
          checkContacts(em, a.accountId, d);
          List<Participant> before = participantsOf(em, a);
          Map<String, Object> old = image(a, before);
          Instant oldRemindAt = a.remindAt;
          apply(a, d);
          if (!Objects.equals(oldRemindAt, a.remindAt)) {
            a.remindedAt = null;
          }
          updateReminder(a);
          Map<String, Object> after = image(a, d.participants());
          if (old.equals(after)) {
            return Activities.toActivity(a, before);
          }
          a.updatedAt = now;
          AssignmentEngine.ownerChanged(em, RecordKind.TASK, a.activityId, a.owner);
          if (!before.equals(d.participants())) {
            Activities.participants(em, a.sequence).forEach(em::remove);
            em.flush();
            writeParticipants(em, a, d.participants());
          }
          em.flush();
          AuditLog.record(em, actor, AuditAction.UPDATE, ACTIVITY, a.activityId, old, after, now);
          Outbox.append(
              em, ACTIVITY, a.activityId, "activity.updated", Activities.eventData(a, actor), now);
          return Activities.toActivity(a, d.participants());
        });
  }

  @Override
  public Activity complete(Actor actor, UUID id, long expectedVersion) {
    return transition(
        actor, id, expectedVersion, TaskStatus.OPEN, TaskStatus.DONE, "activity.completed");
  }

  @Override
  public Activity cancel(Actor actor, UUID id, long expectedVersion) {
    return transition(
        actor, id, expectedVersion, TaskStatus.OPEN, TaskStatus.CANCELLED, "activity.cancelled");
  }

  @Override
  public Activity reopen(Actor actor, UUID id, long expectedVersion) {
    return transition(actor, id, expectedVersion, null, TaskStatus.OPEN, "activity.reopened");
  }

  /** A task's status change; {@code from} null means any status but the target. */
  private Activity transition(
      Actor actor, UUID id, long expectedVersion, TaskStatus from, TaskStatus to, String event) {
    require(actor, Resource.ACTIVITY, Action.UPDATE);
    return tx.inTransaction(
        em -> {
          ActivityEntity a = forChange(em, actor, id, expectedVersion);
          if (a.kind != ActivityKind.TASK) {
            throw new ConflictException(
                "activity " + id + " is a " + a.kind + ", not a task: it has no status");
          }
          if (a.status == to || (from != null && a.status != from)) {
            throw new ConflictException(
                "task " + id + " is " + a.status + ": it cannot become " + to);
          }
          List<Participant> ps = participantsOf(em, a);
          Map<String, Object> before = image(a, ps);
          Instant now = now();
          a.status = to;
          if (to == TaskStatus.OPEN) {
            a.completedAt = null;
            a.completedBy = null;
          } else {
            a.completedAt = now;
            a.completedBy = actor.user();
          }
          updateReminder(a);
          a.timelineAt = ActivityRules.timelineAt(a.kind, a.occurredAt, a.dueAt, a.completedAt);
          a.updatedAt = now;
          if (to != TaskStatus.OPEN) {
            AssignmentEngine.closed(em, RecordKind.TASK, a.activityId);
          }
          em.flush();
          AuditLog.record(
              em, actor, AuditAction.UPDATE, ACTIVITY, a.activityId, before, image(a, ps), now);
          Outbox.append(em, ACTIVITY, a.activityId, event, Activities.eventData(a, actor), now);
          return Activities.toActivity(a, ps);
        });
  }

  @Override
  public void delete(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.ACTIVITY, Action.DELETE);
    tx.inTransaction(
        em -> {
          ActivityEntity a = forChange(em, actor, id, expectedVersion);
          Activities.remove(em, actor, a, now());
          return null;
        });
  }

  @Override
  public Page<Activity> list(Actor actor, ActivityQuery q) {
    require(actor, Resource.ACTIVITY, Action.READ);
    if (q.limit() < 1 || q.limit() > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    if (q.accountId() == null) {
      throw new ValidationException(List.of(new FieldError("accountId", "must not be null")));
    }
    String scope = scope(q);
    TimelineCursor after = q.cursor() == null ? null : TimelineCursor.decode(q.cursor(), scope);
    StringBuilder jpql =
        new StringBuilder("select a from ActivityEntity a where a.accountId = :acc");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("acc", q.accountId().toString());
    if (q.contactId() != null) {
      jpql.append(
          " and (a.contactId = :contact or exists (select p.index from"
              + " ActivityParticipantEntity p where p.activitySeq = a.sequence"
              + " and p.contactId = :contact))");
      params.put("contact", q.contactId().toString());
    }
    if (!q.kinds().isEmpty()) {
      jpql.append(" and a.kind in :kinds");
      params.put("kinds", List.copyOf(q.kinds()));
    }
    if (q.status() != null) {
      jpql.append(" and a.status = :status");
      params.put("status", q.status());
    }
    if (q.owner() != null && !q.owner().isBlank()) {
      jpql.append(" and a.owner = :owner");
      params.put("owner", q.owner().strip());
    }
    if (after != null) {
      jpql.append(" and ").append(after.condition(ACTIVITY, "a.timelineAt", "a.sequence"));
      params.put("curAt", after.at());
      if (after.usesSequence(ACTIVITY)) {
        params.put("curSeq", after.sequence());
      }
    }
    jpql.append(" order by a.timelineAt desc, a.sequence desc");
    return tx.readOnly(
        em -> {
          OrganizationEntity o = JpaAccountService.find(em, q.accountId());
          Visibility.readable(em, actor, policy, o);
          if (q.contactId() != null) {
            requireContact(em, o.id, q.contactId());
          }
          TypedQuery<ActivityEntity> query = em.createQuery(jpql.toString(), ActivityEntity.class);
          params.forEach(query::setParameter);
          List<ActivityEntity> rows = query.setMaxResults(q.limit() + 1).getResultList();
          List<ActivityEntity> page = rows.subList(0, Math.min(rows.size(), q.limit()));
          Map<Long, List<Participant>> ps =
              Activities.participants(em, page.stream().map(a -> a.sequence).toList());
          List<Activity> items = new ArrayList<>(page.size());
          for (ActivityEntity a : page) {
            items.add(Activities.toActivity(a, ps.get(a.sequence)));
          }
          Optional<String> next = Optional.empty();
          if (rows.size() > q.limit()) {
            ActivityEntity last = page.get(page.size() - 1);
            next =
                Optional.of(
                    new TimelineCursor(scope, last.timelineAt, ACTIVITY, last.sequence).encode());
          }
          return new Page<>(items, next);
        });
  }

  @Override
  public List<Notification> fireDueReminders(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive");
    }
    Instant now = now();
    List<Object[]> due =
        tx.readOnly(
            em ->
                em.createQuery(
                        "select a.sequence, a.reminderDueAt from ActivityEntity a"
                            + " where a.reminderDueAt <= :now order by a.reminderDueAt, a.sequence",
                        Object[].class)
                    .setParameter("now", now)
                    .setMaxResults(max)
                    .getResultList());
    List<Notification> fired = new ArrayList<>();
    for (Object[] row : due) {
      try {
        Notification n = fire((Long) row[0], (Instant) row[1]);
        if (n != null) {
          fired.add(n);
        }
      } catch (ConflictException e) {
        // The task changed under us (an edit, or another node's claim): the next poll decides.
        LOG.debug("reminder of activity #{} not fired now: {}", row[0], e.getMessage());
      }
    }
    return fired;
  }

  /**
   * Claims one reminder and notifies, in one transaction. The claim is a conditional update: of two
   * pollers that read the same task, the second finds the reminder no longer due and does nothing.
   */
  private Notification fire(long seq, Instant dueAt) {
    return tx.inTransaction(
        em -> {
          Instant now = now();
          int won =
              em.createQuery(
                      "update ActivityEntity a set a.reminderDueAt = null, a.remindedAt = :now,"
                          + " a.version = a.version + 1"
                          + " where a.sequence = :seq and a.reminderDueAt = :due"
                          + " and a.status = :open")
                  .setParameter("now", now)
                  .setParameter("seq", seq)
                  .setParameter("due", dueAt)
                  .setParameter("open", TaskStatus.OPEN)
                  .executeUpdate();
          if (won != 1) {
            return null;
          }
          ActivityEntity a = em.find(ActivityEntity.class, seq);
          NotificationEntity n = new NotificationEntity();
          n.notificationId = UUID.randomUUID().toString();
          n.user = a.owner;
          n.text = reminderText(a);
          n.recordType = ACTIVITY;
          n.recordId = a.activityId;
          n.sourceKey = "reminder:" + a.activityId + ":" + a.remindAt;
          n.createdAt = now;
          em.persist(n);
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("id", a.activityId);
          data.put("accountId", a.accountId);
          data.put("owner", a.owner);
          data.put("notificationId", n.notificationId);
          data.put("remindAt", a.remindAt);
          data.put("dueAt", a.dueAt);
          data.put("by", REMINDERS.user());
          data.put("channel", REMINDERS.channel());
          Outbox.append(em, ACTIVITY, a.activityId, "task.reminder", data, now);
          return JpaNotificationService.toNotification(n);
        });
  }

  private static String reminderText(ActivityEntity a) {
    String text =
        "Reminder: " + a.subject + (a.dueAt == null ? "" : " (due " + a.dueAt.toString() + ")");
    return text.length() <= 500 ? text : text.substring(0, 497) + "...";
  }

  // --- helpers

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static Instant micros(Instant i) {
    return i == null ? null : i.truncatedTo(ChronoUnit.MICROS);
  }

  private static ActivityDraft micros(ActivityDraft d) {
    return new ActivityDraft(
        d.kind(),
        d.direction(),
        d.channel(),
        d.subject(),
        d.body(),
        micros(d.occurredAt()),
        micros(d.endsAt()),
        d.accountId(),
        d.contactId(),
        d.participants(),
        d.owner(),
        micros(d.dueAt()),
        micros(d.remindAt()));
  }

  private static void apply(ActivityEntity a, ActivityDraft d) {
    a.kind = d.kind();
    a.direction = d.direction();
    a.channel = d.channel();
    a.subject = d.subject();
    a.body = d.body();
    a.occurredAt = d.occurredAt();
    a.endsAt = d.endsAt();
    a.contactId = d.contactId() == null ? null : d.contactId().toString();
    a.owner = d.owner();
    a.dueAt = d.dueAt();
    a.remindAt = d.remindAt();
    updateReminder(a);
    a.timelineAt = ActivityRules.timelineAt(a.kind, a.occurredAt, a.dueAt, a.completedAt);
  }

  /** The reminder is pending while the task is open, has a reminder time and has not fired. */
  private static void updateReminder(ActivityEntity a) {
    a.reminderDueAt =
        a.kind == ActivityKind.TASK
                && a.status == TaskStatus.OPEN
                && a.remindAt != null
                && a.remindedAt == null
            ? a.remindAt
            : null;
  }

  private static List<Participant> writeParticipants(
      EntityManager em, ActivityEntity a, List<Participant> participants) {
    for (int i = 0; i < participants.size(); i++) {
      Participant p = participants.get(i);
      ActivityParticipantEntity e = new ActivityParticipantEntity();
      e.activitySeq = a.sequence;
      e.index = i;
      e.contactId = p.contactId() == null ? null : p.contactId().toString();
      e.user = p.user();
      em.persist(e);
    }
    return participants;
  }

  private static List<Participant> participantsOf(EntityManager em, ActivityEntity a) {
    return Activities.participants(em, a.sequence).stream().map(Activities::toParticipant).toList();
  }

  private static Map<String, Object> image(ActivityEntity a, List<Participant> ps) {
    return Activities.image(a, ps);
  }

  private OrganizationEntity writableAccount(EntityManager em, Actor actor, UUID accountId) {
    OrganizationEntity o = JpaAccountService.find(em, accountId);
    Visibility.writable(em, actor, policy, o);
    if (o.status == AccountStatus.ARCHIVED) {
      throw new ConflictException("account " + o.id + " is archived: restore it first");
    }
    return o;
  }

  private void readableAccount(EntityManager em, Actor actor, ActivityEntity a) {
    OrganizationEntity o = em.find(OrganizationEntity.class, a.accountId);
    if (o == null) {
      throw new NotFoundException(ACTIVITY, UUID.fromString(a.activityId));
    }
    try {
      Visibility.readable(em, actor, policy, o);
    } catch (NotFoundException e) {
      throw new NotFoundException(ACTIVITY, UUID.fromString(a.activityId));
    }
  }

  /** The activity for a change: visible (else 404), writable, at the expected version. */
  private ActivityEntity forChange(EntityManager em, Actor actor, UUID id, long expected) {
    ActivityEntity a = Activities.find(em, id);
    readableAccount(em, actor, a);
    writableAccount(em, actor, UUID.fromString(a.accountId));
    if (a.version != expected) {
      throw new StaleVersionException(ACTIVITY, id, expected, a.version);
    }
    return a;
  }

  /** The main contact and contact participants must be contacts of the account. */
  private static void checkContacts(EntityManager em, String accountId, ActivityDraft d) {
    Set<String> wanted = new TreeSet<>();
    if (d.contactId() != null) {
      wanted.add(d.contactId().toString());
    }
    d.participants().stream()
        .filter(p -> p.contactId() != null)
        .forEach(p -> wanted.add(p.contactId().toString()));
    if (wanted.isEmpty()) {
      return;
    }
    Set<String> found =
        new TreeSet<>(
            em.createQuery(
                    "select r.fromPartyId from PartyRelationshipEntity r where r.toPartyId = :org"
                        + " and r.type = :type and r.fromPartyId in :ids",
                    String.class)
                .setParameter("org", accountId)
                .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
                .setParameter("ids", List.copyOf(wanted))
                .getResultList());
    List<FieldError> errors = new ArrayList<>();
    if (d.contactId() != null && !found.contains(d.contactId().toString())) {
      errors.add(new FieldError("contactId", "is not a contact of the account"));
    }
    for (int i = 0; i < d.participants().size(); i++) {
      UUID c = d.participants().get(i).contactId();
      if (c != null && !found.contains(c.toString())) {
        errors.add(
            new FieldError("participants[" + i + "].contactId", "is not a contact of the account"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  static void requireContact(EntityManager em, String accountId, UUID contactId) {
    Long n =
        em.createQuery(
                "select count(r) from PartyRelationshipEntity r where r.toPartyId = :org"
                    + " and r.fromPartyId = :person and r.type = :type",
                Long.class)
            .setParameter("org", accountId)
            .setParameter("person", contactId.toString())
            .setParameter("type", PartyRelationshipEntity.Type.CONTACT_OF)
            .getSingleResult();
    if (n == 0) {
      throw new NotFoundException("contact", contactId);
    }
  }

  private static String scope(ActivityQuery q) {
    return "activities|"
        + q.accountId()
        + '|'
        + q.contactId()
        + '|'
        + new TreeSet<>(q.kinds())
        + '|'
        + q.status()
        + '|'
        + (q.owner() == null ? "" : q.owner().strip());
  }

  /**
   * What TASK rules test: the task's channel and direction, its account and the account's owner.
   */
  private static Map<String, String> taskAttributes(OrganizationEntity o, ActivityEntity a) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("accountId", o.id);
    m.put("accountOwner", o.owner);
    m.put("channel", a.channel);
    m.put("direction", a.direction == null ? null : a.direction.name());
    return m;
  }
}
