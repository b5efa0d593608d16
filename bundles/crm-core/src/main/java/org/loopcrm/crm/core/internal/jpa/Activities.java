package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.Participant;
import org.loopcrm.crm.api.audit.AuditAction;

/**
 * What activities share with the account and audit services: lookup, mapping, audit images, and the
 * clean-up when an account or contact goes away (inside the caller's transaction).
 */
final class Activities {
  static final String ACTIVITY = "activity";

  private Activities() {}

  /** The activity, or not found. */
  static ActivityEntity find(EntityManager em, UUID id) {
    List<ActivityEntity> found =
        em.createQuery(
                "select a from ActivityEntity a where a.activityId = :id", ActivityEntity.class)
            .setParameter("id", id.toString())
            .getResultList();
    if (found.isEmpty()) {
      throw new NotFoundException(ACTIVITY, id);
    }
    return found.get(0);
  }

  static List<ActivityParticipantEntity> participants(EntityManager em, long seq) {
    return em.createQuery(
            "select p from ActivityParticipantEntity p where p.activitySeq = :seq"
                + " order by p.index",
            ActivityParticipantEntity.class)
        .setParameter("seq", seq)
        .getResultList();
  }

  /** The participants of several activities at once, by activity sequence. */
  static Map<Long, List<Participant>> participants(EntityManager em, List<Long> seqs) {
    Map<Long, List<Participant>> out = new LinkedHashMap<>();
    seqs.forEach(s -> out.put(s, new ArrayList<>()));
    if (!seqs.isEmpty()) {
      em.createQuery(
              "select p from ActivityParticipantEntity p where p.activitySeq in :seqs"
                  + " order by p.activitySeq, p.index",
              ActivityParticipantEntity.class)
          .setParameter("seqs", seqs)
          .getResultList()
          .forEach(p -> out.get(p.activitySeq).add(toParticipant(p)));
    }
    return out;
  }

  static Participant toParticipant(ActivityParticipantEntity p) {
    return new Participant(p.contactId == null ? null : UUID.fromString(p.contactId), p.user);
  }

  static Activity toActivity(ActivityEntity a, List<Participant> participants) {
    return new Activity(
        UUID.fromString(a.activityId),
        a.kind,
        a.direction,
        a.channel,
        a.subject,
        a.body,
        a.occurredAt,
        a.endsAt,
        UUID.fromString(a.accountId),
        a.contactId == null ? null : UUID.fromString(a.contactId),
        participants,
        a.owner,
        a.dueAt,
        a.remindAt,
        a.remindedAt,
        a.status,
        a.completedAt,
        a.completedBy,
        a.version,
        a.createdAt,
        a.createdBy,
        a.updatedAt);
  }

  /** The audited fields of an activity, named as the API names them. */
  static Map<String, Object> image(ActivityEntity a, List<Participant> participants) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accountId", a.accountId);
    m.put("kind", a.kind);
    m.put("direction", a.direction);
    m.put("channel", a.channel);
    m.put("subject", a.subject);
    m.put("body", a.body);
    m.put("occurredAt", a.occurredAt);
    m.put("endsAt", a.endsAt);
    m.put("contactId", a.contactId);
    m.put("participants", participantsText(participants));
    m.put("owner", a.owner);
    m.put("dueAt", a.dueAt);
    m.put("remindAt", a.remindAt);
    m.put("status", a.status);
    m.put("completedAt", a.completedAt);
    m.put("completedBy", a.completedBy);
    return m;
  }

  private static String participantsText(List<Participant> participants) {
    if (participants.isEmpty()) {
      return null;
    }
    StringJoiner j = new StringJoiner(", ");
    for (Participant p : participants) {
      j.add(p.contactId() != null ? "contact:" + p.contactId() : "user:" + p.user());
    }
    return j.toString();
  }

  /** The event payload: ids, kind, status and who; no free text, which may be personal. */
  static Map<String, Object> eventData(ActivityEntity a, Actor actor) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.activityId);
    m.put("accountId", a.accountId);
    m.put("contactId", a.contactId);
    m.put("kind", a.kind);
    m.put("owner", a.owner);
    m.put("status", a.status);
    m.put("dueAt", a.dueAt);
    m.put("version", a.version);
    m.put("by", actor.user());
    m.put("channel", actor.channel());
    return m;
  }

  /** Deletes an account's activities with the account, each audited and announced. */
  static void deleteForAccount(EntityManager em, Actor actor, String accountId, Instant now) {
    List<ActivityEntity> all =
        em.createQuery(
                "select a from ActivityEntity a where a.accountId = :acc", ActivityEntity.class)
            .setParameter("acc", accountId)
            .getResultList();
    for (ActivityEntity a : all) {
      remove(em, actor, a, now);
    }
  }

  /** Deletes one activity: audit entry, participants, row, event. */
  static void remove(EntityManager em, Actor actor, ActivityEntity a, Instant now) {
    List<ActivityParticipantEntity> ps = participants(em, a.sequence);
    List<Participant> participants = ps.stream().map(Activities::toParticipant).toList();
    AuditLog.record(
        em, actor, AuditAction.DELETE, ACTIVITY, a.activityId, image(a, participants), null, now);
    Map<String, Object> data = eventData(a, actor);
    ps.forEach(em::remove);
    em.remove(a);
    em.flush();
    Outbox.append(em, ACTIVITY, a.activityId, "activity.deleted", data, now);
  }

  /**
   * A contact leaves its account: activities keep their history but no longer point at it (as main
   * contact or participant).
   */
  static void forgetContact(EntityManager em, String contactId) {
    em.createQuery("update ActivityEntity a set a.contactId = null where a.contactId = :c")
        .setParameter("c", contactId)
        .executeUpdate();
    em.createQuery("delete from ActivityParticipantEntity p where p.contactId = :c")
        .setParameter("c", contactId)
        .executeUpdate();
  }

  /**
   * The account an activity's history belongs to, also after the activity was deleted: the account
   * id its creation recorded.
   */
  static String accountOf(EntityManager em, String activityId) {
    List<ActivityEntity> found =
        em.createQuery(
                "select a from ActivityEntity a where a.activityId = :id", ActivityEntity.class)
            .setParameter("id", activityId)
            .getResultList();
    if (!found.isEmpty()) {
      return found.get(0).accountId;
    }
    List<String> recorded =
        em.createQuery(
                "select c.newValue from AuditChangeEntity c, AuditEntryEntity e"
                    + " where c.entrySeq = e.sequence and e.recordType = :type"
                    + " and e.recordId = :id and e.action = :create and c.field = 'accountId'",
                String.class)
            .setParameter("type", ACTIVITY)
            .setParameter("id", activityId)
            .setParameter("create", AuditAction.CREATE)
            .getResultList();
    return recorded.isEmpty() ? null : recorded.get(0);
  }
}
