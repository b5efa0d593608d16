package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.Condition;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.core.internal.json.Json;

/**
 * The assignment engine, generic over a record described by (kind, id, attributes). Other services
 * of the core call {@link #assign} inside their own transaction, so a record and its assignment
 * commit together (decisions.md §29). Everything here runs on the caller's EntityManager.
 */
final class AssignmentEngine {
  static final String RECORD = "assignment";
  static final String EVENT = "record.assigned";

  private AssignmentEngine() {}

  /** What the rules decided, and why. */
  record Decision(
      String owner, AssignmentRuleEntity rule, List<String> explanation, Instant responseDueAt) {}

  /**
   * Runs the rules of the kind on the attributes. With {@code takeTurn} a round-robin rule takes
   * its turn under a row lock and moves its cursor on; without it (a dry run) nothing changes.
   * {@code exclude} is a user never chosen (the owner a record is taken from), or null.
   */
  static Decision decide(
      EntityManager em,
      RecordKind kind,
      Map<String, String> attributes,
      Instant now,
      boolean takeTurn,
      String exclude) {
    Map<String, String> attrs = normalise(attributes);
    List<String> why = new ArrayList<>();
    List<AssignmentRuleEntity> rules =
        em.createQuery(
                "select r from AssignmentRuleEntity r where r.kind = :k and r.active = true"
                    + " order by r.position, r.name",
                AssignmentRuleEntity.class)
            .setParameter("k", kind)
            .getResultList();
    if (rules.isEmpty()) {
      why.add("no active " + kind + " rule");
    }
    for (AssignmentRuleEntity r : rules) {
      String label = "rule '" + r.name + "' (position " + r.position + ")";
      String failed = failedCondition(conditions(r), attrs);
      if (failed != null) {
        why.add(label + " does not match: " + failed);
        continue;
      }
      why.add(label + " matches");
      String owner = pick(em, r, kind, now, takeTurn, exclude, why);
      if (owner != null) {
        Instant due =
            r.responseMinutes == null ? null : now.plus(r.responseMinutes, ChronoUnit.MINUTES);
        if (due != null) {
          why.add("first response due by " + due + " (" + r.responseMinutes + " minutes)");
        }
        return new Decision(owner, r, why, due);
      }
      why.add(label + " found nobody: the next rule is tried");
    }
    why.add("no rule assigned the record");
    return new Decision(null, null, why, null);
  }

  /**
   * Assigns a record and stores the assignment with its explanation, audit entry and outbox event,
   * in the caller's transaction. Returns the stored assignment; its owner is null when no rule
   * assigned (nothing else is then stored: the caller keeps its own default owner).
   */
  static Assignment assign(
      EntityManager em,
      Actor actor,
      RecordKind kind,
      String recordId,
      Map<String, String> attributes,
      Instant now) {
    Decision d = decide(em, kind, attributes, now, true, null);
    if (d.owner() == null) {
      return toAssignment(null, kind, recordId, d, null, Assignment.Reason.NEW, actor, now);
    }
    AssignmentEntity a = store(em, actor, kind, recordId, d, null, Assignment.Reason.NEW, now);
    AssignmentOpenEntity o = new AssignmentOpenEntity();
    o.kind = kind;
    o.recordId = recordId;
    o.attributes = Json.write(normalise(attributes));
    open(o, d, now);
    em.persist(o);
    return toAssignment(a);
  }

  /** The record got its first response: the deadline no longer escalates. */
  static void responded(EntityManager em, RecordKind kind, String recordId, Instant now) {
    AssignmentOpenEntity o = em.find(AssignmentOpenEntity.class, key(kind, recordId));
    if (o != null && o.respondedAt == null) {
      o.respondedAt = now;
    }
  }

  /** The record is closed (done, converted, won or lost): the sweep leaves it alone. */
  static void closed(EntityManager em, RecordKind kind, String recordId) {
    AssignmentOpenEntity o = em.find(AssignmentOpenEntity.class, key(kind, recordId));
    if (o != null) {
      em.remove(o);
    }
  }

  /** The record's owner changed by hand: the sweep follows the new owner. */
  static void ownerChanged(EntityManager em, RecordKind kind, String recordId, String owner) {
    AssignmentOpenEntity o = em.find(AssignmentOpenEntity.class, key(kind, recordId));
    if (o != null) {
      o.owner = owner;
    }
  }

  /**
   * Re-assigns one open record away from its owner; returns null when no rule finds anybody else
   * (the record keeps its owner, and the next sweep tries again).
   */
  static Assignment reassign(
      EntityManager em,
      Actor actor,
      AssignmentOpenEntity o,
      Assignment.Reason reason,
      Instant now) {
    Map<String, String> attrs = new LinkedHashMap<>();
    Json.readObject(o.attributes).forEach((k, v) -> attrs.put(k, v == null ? null : v.toString()));
    Decision d = decide(em, o.kind, attrs, now, true, o.owner);
    if (d.owner() == null) {
      return null;
    }
    List<String> why = new ArrayList<>();
    why.add(
        reason == Assignment.Reason.OWNER_ABSENT
            ? o.owner + " is absent: the record is assigned again"
            : "the first response was due by " + o.responseDueAt + " and none came");
    why.addAll(d.explanation());
    Decision withReason = new Decision(d.owner(), d.rule(), why, d.responseDueAt());
    if (!OwnerWriters.write(em, o.kind, o.recordId, d.owner(), d.responseDueAt())) {
      em.remove(o);
      return null;
    }
    AssignmentEntity a = store(em, actor, o.kind, o.recordId, withReason, o.owner, reason, now);
    open(o, withReason, now);
    return toAssignment(a);
  }

  private static void open(AssignmentOpenEntity o, Decision d, Instant now) {
    o.owner = d.owner();
    o.ruleId = d.rule().id;
    o.assignedAt = now;
    o.responseDueAt = d.responseDueAt();
    o.respondedAt = null;
    o.escalate = d.rule().escalate && d.responseDueAt() != null;
  }

  private static AssignmentEntity store(
      EntityManager em,
      Actor actor,
      RecordKind kind,
      String recordId,
      Decision d,
      String previousOwner,
      Assignment.Reason reason,
      Instant now) {
    AssignmentEntity a = new AssignmentEntity();
    a.assignmentId = UUID.randomUUID().toString();
    a.kind = kind;
    a.recordId = recordId;
    a.owner = d.owner();
    a.previousOwner = previousOwner;
    a.ruleId = d.rule() == null ? null : d.rule().id;
    a.ruleName = d.rule() == null ? null : d.rule().name;
    a.strategy = d.rule() == null ? null : d.rule().strategy;
    a.reason = reason;
    a.explanation = Json.write(Map.of("lines", d.explanation()));
    a.assignedBy = actor.user();
    a.assignedAt = now;
    a.responseDueAt = d.responseDueAt();
    em.persist(a);
    em.flush();
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("kind", kind);
    image.put("recordId", recordId);
    image.put("owner", a.owner);
    image.put("previousOwner", previousOwner);
    image.put("rule", a.ruleName);
    image.put("strategy", a.strategy);
    image.put("reason", reason);
    image.put("responseDueAt", a.responseDueAt);
    AuditLog.record(em, actor, AuditAction.CREATE, RECORD, a.assignmentId, null, image, now);
    Map<String, Object> event = new LinkedHashMap<>(image);
    event.put("assignmentId", a.assignmentId);
    Outbox.append(em, RECORD, a.assignmentId, EVENT, event, now);
    return a;
  }

  static Assignment toAssignment(AssignmentEntity a) {
    List<String> lines = new ArrayList<>();
    Object l = Json.readObject(a.explanation).get("lines");
    if (l instanceof List<?> list) {
      list.forEach(x -> lines.add(String.valueOf(x)));
    }
    return new Assignment(
        UUID.fromString(a.assignmentId),
        a.kind,
        a.recordId,
        a.owner,
        a.previousOwner,
        a.ruleId == null ? null : UUID.fromString(a.ruleId),
        a.ruleName,
        a.strategy,
        a.reason,
        lines,
        a.assignedBy,
        a.assignedAt,
        a.responseDueAt);
  }

  static Assignment toAssignment(
      UUID id,
      RecordKind kind,
      String recordId,
      Decision d,
      String previousOwner,
      Assignment.Reason reason,
      Actor actor,
      Instant now) {
    return new Assignment(
        id,
        kind,
        recordId,
        d.owner(),
        previousOwner,
        d.rule() == null ? null : UUID.fromString(d.rule().id),
        d.rule() == null ? null : d.rule().name,
        d.rule() == null ? null : d.rule().strategy,
        reason,
        d.explanation(),
        actor.user(),
        now,
        d.responseDueAt());
  }

  private static AssignmentOpenEntity.Key key(RecordKind kind, String recordId) {
    AssignmentOpenEntity.Key k = new AssignmentOpenEntity.Key();
    k.kind = kind;
    k.recordId = recordId;
    return k;
  }

  // --- strategies

  private static String pick(
      EntityManager em,
      AssignmentRuleEntity r,
      RecordKind kind,
      Instant now,
      boolean takeTurn,
      String exclude,
      List<String> why) {
    switch (r.strategy) {
      case FIXED:
        {
          if (r.user.equals(exclude)) {
            why.add("FIXED: " + r.user + " is the owner the record is taken from");
            return null;
          }
          UserAbsenceEntity away = absence(em, r.user, now);
          if (away != null) {
            why.add("FIXED: " + r.user + " is absent until " + away.to);
            return null;
          }
          why.add("FIXED: the owner is " + r.user);
          return r.user;
        }
      case ROUND_ROBIN:
        return roundRobin(em, r, kind, now, takeTurn, exclude, why);
      case LEAST_LOADED:
        {
          List<String> members = members(em, r.teamId);
          why.add("LEAST_LOADED among team members " + members);
          return leastLoaded(em, members, kind, now, exclude, why);
        }
      case SKILLS:
        {
          Set<String> required = skills(r.skills);
          List<String> pool =
              r.teamId == null
                  ? em.createQuery(
                          "select p.userName from UserProfileEntity p where p.skills is not null"
                              + " order by p.userName",
                          String.class)
                      .getResultList()
                  : members(em, r.teamId);
          List<String> skilled = new ArrayList<>();
          for (String u : pool) {
            UserProfileEntity p = em.find(UserProfileEntity.class, u);
            Set<String> has = skills(p == null ? null : p.skills);
            if (has.containsAll(required)) {
              skilled.add(u);
            } else {
              Set<String> missing = new TreeSet<>(required);
              missing.removeAll(has);
              why.add("SKILLS: " + u + " lacks " + missing);
            }
          }
          why.add("SKILLS " + required + ": skilled users " + skilled);
          return leastLoaded(em, skilled, kind, now, exclude, why);
        }
      default:
        throw new IllegalStateException("unknown strategy " + r.strategy);
    }
  }

  private static String roundRobin(
      EntityManager em,
      AssignmentRuleEntity r,
      RecordKind kind,
      Instant now,
      boolean takeTurn,
      String exclude,
      List<String> why) {
    List<String> members = members(em, r.teamId);
    if (members.isEmpty()) {
      why.add("ROUND_ROBIN: the team has no members");
      return null;
    }
    AssignmentCursorEntity cursor =
        takeTurn
            ? em.find(AssignmentCursorEntity.class, r.id, LockModeType.PESSIMISTIC_WRITE)
            : em.find(AssignmentCursorEntity.class, r.id);
    long next = cursor == null ? 0 : cursor.nextTurn;
    int n = members.size();
    int start = (int) Math.floorMod(next, (long) n);
    why.add("ROUND_ROBIN among " + members + ": the turn is " + members.get(start) + "'s");
    for (int i = 0; i < n; i++) {
      String u = members.get((start + i) % n);
      if (!eligible(em, u, kind, now, exclude, why, "ROUND_ROBIN")) {
        continue;
      }
      if (takeTurn) {
        if (cursor == null) {
          cursor = new AssignmentCursorEntity();
          cursor.ruleId = r.id;
          em.persist(cursor);
        }
        cursor.nextTurn = next + i + 1;
      }
      why.add("ROUND_ROBIN: picked " + u);
      return u;
    }
    return null;
  }

  private static String leastLoaded(
      EntityManager em,
      List<String> users,
      RecordKind kind,
      Instant now,
      String exclude,
      List<String> why) {
    String best = null;
    long bestLoad = Long.MAX_VALUE;
    for (String u : users) {
      if (!eligible(em, u, kind, now, exclude, why, "LEAST_LOADED")) {
        continue;
      }
      long load = load(em, kind, u);
      why.add(u + " has " + load + " open " + kind + " records");
      if (load < bestLoad) {
        best = u;
        bestLoad = load;
      }
    }
    if (best != null) {
      why.add("picked " + best + ", the least loaded");
    }
    return best;
  }

  /** Not excluded, not absent, below capacity; says why not. */
  private static boolean eligible(
      EntityManager em,
      String u,
      RecordKind kind,
      Instant now,
      String exclude,
      List<String> why,
      String strategy) {
    if (u.equals(exclude)) {
      why.add(strategy + ": skipped " + u + ", the owner the record is taken from");
      return false;
    }
    UserAbsenceEntity away = absence(em, u, now);
    if (away != null) {
      why.add(strategy + ": skipped " + u + ", absent until " + away.to);
      return false;
    }
    UserProfileEntity p = em.find(UserProfileEntity.class, u);
    if (p != null && p.capacity != null) {
      long load = load(em, kind, u);
      if (load >= p.capacity) {
        why.add(
            strategy
                + ": skipped "
                + u
                + ", at capacity ("
                + load
                + " open of "
                + p.capacity
                + ")");
        return false;
      }
    }
    return true;
  }

  /** The team's members by name; none for a team that no longer exists. */
  static List<String> members(EntityManager em, String teamId) {
    if (teamId == null) {
      return List.of();
    }
    return em.createQuery(
            "select m.userName from TeamMemberEntity m where m.teamId = :t order by m.userName",
            String.class)
        .setParameter("t", teamId)
        .getResultList();
  }

  /** The absence the user is in now, or null. */
  static UserAbsenceEntity absence(EntityManager em, String user, Instant now) {
    List<UserAbsenceEntity> away =
        em.createQuery(
                "select a from UserAbsenceEntity a where a.user = :u and a.from <= :now"
                    + " and a.to > :now order by a.to desc",
                UserAbsenceEntity.class)
            .setParameter("u", user)
            .setParameter("now", now)
            .setMaxResults(1)
            .getResultList();
    return away.isEmpty() ? null : away.get(0);
  }

  /** The open records of the kind the user owns. */
  static long load(EntityManager em, RecordKind kind, String user) {
    return OwnerWriters.load(em, kind, user);
  }

  // --- conditions

  static List<Condition> conditions(AssignmentRuleEntity r) {
    List<Condition> out = new ArrayList<>();
    Object list = Json.readObject(r.conditions).get("conditions");
    if (list instanceof List<?> l) {
      for (Object o : l) {
        Map<?, ?> m = (Map<?, ?>) o;
        List<String> values = new ArrayList<>();
        ((List<?>) m.get("values")).forEach(v -> values.add(String.valueOf(v)));
        out.add(
            new Condition(
                (String) m.get("attribute"),
                Condition.Operator.valueOf((String) m.get("operator")),
                values));
      }
    }
    return out;
  }

  static String conditionsJson(List<Condition> conditions) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Condition c : conditions) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("attribute", c.attribute());
      m.put("operator", c.operator().name());
      m.put("values", c.values());
      list.add(m);
    }
    return Json.write(Map.of("conditions", list));
  }

  /** The first condition that does not hold, described; null when all hold. */
  static String failedCondition(List<Condition> conditions, Map<String, String> attrs) {
    for (Condition c : conditions) {
      String v = attrs.get(c.attribute().toLowerCase(Locale.ROOT));
      if (!holds(c, v)) {
        return c.attribute()
            + " "
            + (v == null ? "(absent)" : "'" + v + "'")
            + " is not "
            + c.operator()
            + " "
            + c.values();
      }
    }
    return null;
  }

  static boolean holds(Condition c, String v) {
    switch (c.operator()) {
      case IN:
        return v != null && c.values().stream().anyMatch(x -> x.trim().equalsIgnoreCase(v));
      case NOT_IN:
        return v == null || c.values().stream().noneMatch(x -> x.trim().equalsIgnoreCase(v));
      case PREFIX:
        {
          if (v == null) {
            return false;
          }
          String s = compact(v);
          return c.values().stream().anyMatch(x -> s.startsWith(compact(x)));
        }
      case RANGE:
        {
          if (v == null) {
            return false;
          }
          String lo = c.values().get(0).trim();
          String hi = c.values().get(1).trim();
          BigDecimal n = number(v);
          if (n != null
              && (lo.isEmpty() || number(lo) != null)
              && (hi.isEmpty() || number(hi) != null)) {
            return (lo.isEmpty() || n.compareTo(number(lo)) >= 0)
                && (hi.isEmpty() || n.compareTo(number(hi)) <= 0);
          }
          String s = compact(v);
          return (lo.isEmpty() || s.compareTo(compact(lo)) >= 0)
              && (hi.isEmpty() || s.compareTo(compact(hi)) <= 0);
        }
      default:
        return false;
    }
  }

  private static String compact(String s) {
    return s.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  private static BigDecimal number(String s) {
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Attribute names in lower case, blank values dropped. */
  static Map<String, String> normalise(Map<String, String> attributes) {
    Map<String, String> out = new LinkedHashMap<>();
    if (attributes != null) {
      attributes.forEach(
          (k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
              out.put(k.trim().toLowerCase(Locale.ROOT), v.trim());
            }
          });
    }
    return out;
  }

  static Set<String> skills(String csv) {
    Set<String> out = new TreeSet<>();
    if (csv != null && !csv.isBlank()) {
      Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }
}
