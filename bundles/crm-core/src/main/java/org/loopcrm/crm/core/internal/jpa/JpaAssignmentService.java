package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.USER_NAME;
import static org.loopcrm.crm.core.internal.security.Permissions.allows;
import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.assignment.Absence;
import org.loopcrm.crm.api.assignment.Assignee;
import org.loopcrm.crm.api.assignment.Assignment;
import org.loopcrm.crm.api.assignment.AssignmentRule;
import org.loopcrm.crm.api.assignment.AssignmentRuleDraft;
import org.loopcrm.crm.api.assignment.AssignmentService;
import org.loopcrm.crm.api.assignment.Condition;
import org.loopcrm.crm.api.assignment.RecordKind;
import org.loopcrm.crm.api.assignment.Strategy;
import org.loopcrm.crm.api.assignment.SweepResult;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Assignment rules, the users' capacity, skills and absences, and the sweep, on the JPA persistence
 * unit {@code crm}; the decisions themselves are {@link AssignmentEngine}'s (decisions.md §29).
 */
@Component(service = AssignmentService.class)
public final class JpaAssignmentService implements AssignmentService {
  static final String RULE = "assignment-rule";
  static final String ABSENCE = "user-absence";
  private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
  private static final Pattern SKILL = Pattern.compile("[\\p{Alnum}._-]{1,40}");
  private static final int MAX_CONDITIONS = 50;
  private static final int MAX_VALUES = 500;
  private static final int MAX_SKILLS = 50;
  private static final int MAX_ATTRIBUTES = 100;
  private static final int MAX_SWEEP = 500;

  private final Transactions tx;
  private final Clock clock;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaAssignmentService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema) {
    this(emf, Clock.systemUTC());
  }

  JpaAssignmentService(EntityManagerFactory emf, Clock clock) {
    this.tx = new Transactions(emf);
    this.clock = clock;
  }

  // --- rules

  @Override
  public List<AssignmentRule> rules(Actor actor, RecordKind kind) {
    require(actor, Resource.ASSIGNMENT_RULE, Action.READ);
    return tx.readOnly(
        em ->
            (kind == null
                    ? em.createQuery(
                        "select r from AssignmentRuleEntity r order by r.kind, r.position, r.name",
                        AssignmentRuleEntity.class)
                    : em.createQuery(
                            "select r from AssignmentRuleEntity r where r.kind = :k"
                                + " order by r.position, r.name",
                            AssignmentRuleEntity.class)
                        .setParameter("k", kind))
                .getResultList().stream().map(JpaAssignmentService::toRule).toList());
  }

  @Override
  public AssignmentRule rule(Actor actor, UUID id) {
    require(actor, Resource.ASSIGNMENT_RULE, Action.READ);
    return tx.readOnly(em -> toRule(find(em, id)));
  }

  @Override
  public AssignmentRule createRule(Actor actor, AssignmentRuleDraft draft) {
    require(actor, Resource.ASSIGNMENT_RULE, Action.CREATE);
    AssignmentRuleDraft d = valid(draft);
    return tx.inTransaction(
        em -> {
          checkTeam(em, d);
          checkNameFree(em, d.kind(), d.name(), null);
          Instant now = now();
          AssignmentRuleEntity r = new AssignmentRuleEntity();
          r.id = UUID.randomUUID().toString();
          r.kind = d.kind();
          r.createdAt = now;
          apply(em, r, d, now, true);
          em.persist(r);
          // The cursor exists from the start, so taking a turn always locks an existing row.
          AssignmentCursorEntity cursor = new AssignmentCursorEntity();
          cursor.ruleId = r.id;
          em.persist(cursor);
          em.flush();
          AssignmentRule rule = toRule(r);
          AuditLog.record(em, actor, AuditAction.CREATE, RULE, r.id, null, image(rule), now);
          return rule;
        });
  }

  @Override
  public AssignmentRule updateRule(
      Actor actor, UUID id, long expectedVersion, AssignmentRuleDraft draft) {
    require(actor, Resource.ASSIGNMENT_RULE, Action.UPDATE);
    AssignmentRuleDraft d = valid(draft);
    return tx.inTransaction(
        em -> {
          AssignmentRuleEntity r = find(em, id);
          if (r.version != expectedVersion) {
            throw new StaleVersionException("assignment rule", id, expectedVersion, r.version);
          }
          if (r.kind != d.kind()) {
            throw new ValidationException(
                List.of(new FieldError("kind", "cannot change: create a rule of the other kind")));
          }
          checkTeam(em, d);
          checkNameFree(em, d.kind(), d.name(), r.id);
          Map<String, Object> before = image(toRule(r));
          Instant now = now();
          apply(em, r, d, now, false);
          em.flush();
          AssignmentRule rule = toRule(r);
          AuditLog.record(em, actor, AuditAction.UPDATE, RULE, r.id, before, image(rule), now);
          return rule;
        });
  }

  @Override
  public void deleteRule(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.ASSIGNMENT_RULE, Action.DELETE);
    tx.inTransaction(
        em -> {
          AssignmentRuleEntity r = find(em, id);
          if (r.version != expectedVersion) {
            throw new StaleVersionException("assignment rule", id, expectedVersion, r.version);
          }
          Map<String, Object> before = image(toRule(r));
          AssignmentCursorEntity c = em.find(AssignmentCursorEntity.class, r.id);
          if (c != null) {
            em.remove(c);
          }
          em.remove(r);
          em.flush();
          AuditLog.record(em, actor, AuditAction.DELETE, RULE, r.id, before, null, now());
          return null;
        });
  }

  @Override
  public Assignment explain(Actor actor, RecordKind kind, Map<String, String> attributes) {
    require(actor, Resource.ASSIGNMENT_RULE, Action.READ);
    if (kind == null) {
      throw new ValidationException(List.of(new FieldError("kind", "is required")));
    }
    checkAttributes(attributes);
    Instant now = now();
    return tx.readOnly(
        em ->
            AssignmentEngine.toAssignment(
                null,
                kind,
                null,
                AssignmentEngine.decide(em, kind, attributes, now, false, null),
                null,
                Assignment.Reason.DRY_RUN,
                actor,
                now));
  }

  @Override
  public List<Assignment> history(Actor actor, RecordKind kind, String recordId) {
    require(actor, Resource.ASSIGNMENT_RULE, Action.READ);
    if (kind == null || recordId == null || recordId.isBlank() || recordId.length() > 36) {
      throw new ValidationException(
          List.of(new FieldError(kind == null ? "kind" : "recordId", "is required")));
    }
    return tx.readOnly(
        em ->
            em
                .createQuery(
                    "select a from AssignmentEntity a where a.kind = :k and a.recordId = :r"
                        + " order by a.sequence desc",
                    AssignmentEntity.class)
                .setParameter("k", kind)
                .setParameter("r", recordId)
                .getResultList()
                .stream()
                .map(AssignmentEngine::toAssignment)
                .toList());
  }

  @Override
  public SweepResult sweep(Actor actor) {
    require(actor, Resource.ASSIGNMENT_SWEEP, Action.UPDATE);
    return tx.inTransaction(
        em -> {
          Instant now = now();
          List<AssignmentOpenEntity> due =
              em.createQuery(
                      "select o from AssignmentOpenEntity o where exists (select a from"
                          + " UserAbsenceEntity a where a.user = o.owner and a.from <= :now and"
                          + " a.to > :now) or (o.escalate = true and o.respondedAt is null and"
                          + " o.responseDueAt < :now) order by o.assignedAt, o.recordId",
                      AssignmentOpenEntity.class)
                  .setParameter("now", now)
                  .setMaxResults(MAX_SWEEP)
                  .getResultList();
          List<Assignment> made = new ArrayList<>();
          for (AssignmentOpenEntity o : due) {
            Assignment.Reason reason =
                AssignmentEngine.absence(em, o.owner, now) != null
                    ? Assignment.Reason.OWNER_ABSENT
                    : Assignment.Reason.RESPONSE_OVERDUE;
            Assignment a = AssignmentEngine.reassign(em, actor, o, reason, now);
            if (a != null) {
              made.add(a);
            }
          }
          return new SweepResult(due.size(), made);
        });
  }

  // --- assignees

  @Override
  public Assignee assignee(Actor actor, String user) {
    require(actor, Resource.ASSIGNMENT_RULE, Action.READ);
    String u = validUser("user", user);
    return tx.readOnly(em -> toAssignee(em, u));
  }

  @Override
  public Assignee setCapacity(Actor actor, String user, Integer capacity) {
    require(actor, Resource.ASSIGNMENT_RULE, Action.UPDATE);
    String u = validUser("user", user);
    if (capacity != null && (capacity < 0 || capacity > 100_000)) {
      throw new ValidationException(
          List.of(new FieldError("capacity", "must be between 0 and 100000, or null")));
    }
    return changeProfile(actor, u, p -> p.capacity = capacity);
  }

  @Override
  public Assignee setSkills(Actor actor, String user, Set<String> skills) {
    require(actor, Resource.ASSIGNMENT_RULE, Action.UPDATE);
    String u = validUser("user", user);
    Set<String> s = validSkills("skills", skills);
    return changeProfile(actor, u, p -> p.skills = s.isEmpty() ? null : String.join(",", s));
  }

  private Assignee changeProfile(
      Actor actor, String u, java.util.function.Consumer<UserProfileEntity> change) {
    return tx.inTransaction(
        em -> {
          UserProfileEntity p = em.find(UserProfileEntity.class, u);
          if (p == null) {
            p = new UserProfileEntity();
            p.userName = u;
            p.id = UUID.randomUUID().toString();
            em.persist(p);
          }
          Map<String, Object> before = new LinkedHashMap<>();
          before.put("capacity", p.capacity);
          before.put("skills", p.skills);
          change.accept(p);
          em.flush();
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("capacity", p.capacity);
          after.put("skills", p.skills);
          AuditLog.record(em, actor, AuditAction.UPDATE, AuditLog.USER, p.id, before, after, now());
          return toAssignee(em, u);
        });
  }

  @Override
  public Absence addAbsence(Actor actor, String user, Instant from, Instant to, String reason) {
    String u = validUser("user", user);
    requireSelfOrManager(actor, u);
    List<FieldError> errors = new ArrayList<>();
    if (from == null) {
      errors.add(new FieldError("from", "is required"));
    }
    if (to == null) {
      errors.add(new FieldError("to", "is required"));
    }
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add(new FieldError("to", "must be after from"));
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > 200) {
      errors.add(new FieldError("reason", "is longer than 200 characters"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return tx.inTransaction(
        em -> {
          UserAbsenceEntity a = new UserAbsenceEntity();
          a.id = UUID.randomUUID().toString();
          a.user = u;
          a.from = from.truncatedTo(ChronoUnit.MICROS);
          a.to = to.truncatedTo(ChronoUnit.MICROS);
          a.reason = why;
          em.persist(a);
          em.flush();
          Absence absence = toAbsence(a);
          AuditLog.record(
              em, actor, AuditAction.CREATE, ABSENCE, a.id, null, image(absence), now());
          return absence;
        });
  }

  @Override
  public void removeAbsence(Actor actor, String user, UUID absenceId) {
    String u = validUser("user", user);
    requireSelfOrManager(actor, u);
    tx.inTransaction(
        em -> {
          UserAbsenceEntity a = em.find(UserAbsenceEntity.class, absenceId.toString());
          if (a == null || !a.user.equals(u)) {
            throw new NotFoundException("absence", absenceId);
          }
          Map<String, Object> before = image(toAbsence(a));
          em.remove(a);
          em.flush();
          AuditLog.record(em, actor, AuditAction.DELETE, ABSENCE, a.id, before, null, now());
          return null;
        });
  }

  private static void requireSelfOrManager(Actor actor, String user) {
    if (!actor.user().equals(user) && !allows(actor, Resource.ASSIGNMENT_RULE, Action.UPDATE)) {
      throw new AccessDeniedException(
          "user " + actor.user() + " may not change the absences of " + user);
    }
    if (!actor.canRead()) {
      throw new AccessDeniedException("user " + actor.user() + " holds no CRM role");
    }
  }

  private Assignee toAssignee(EntityManager em, String u) {
    UserProfileEntity p = em.find(UserProfileEntity.class, u);
    List<Absence> absences =
        em
            .createQuery(
                "select a from UserAbsenceEntity a where a.user = :u and a.to > :now"
                    + " order by a.from, a.id",
                UserAbsenceEntity.class)
            .setParameter("u", u)
            .setParameter("now", now())
            .getResultList()
            .stream()
            .map(JpaAssignmentService::toAbsence)
            .toList();
    return new Assignee(
        u,
        p == null ? null : p.capacity,
        AssignmentEngine.skills(p == null ? null : p.skills),
        absences);
  }

  private static Absence toAbsence(UserAbsenceEntity a) {
    return new Absence(UUID.fromString(a.id), a.user, a.from, a.to, a.reason);
  }

  // --- validation and mapping

  private static AssignmentRuleDraft valid(AssignmentRuleDraft d) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("rule", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    if (d.kind() == null) {
      errors.add(new FieldError("kind", "is required"));
    }
    String name = d.name() == null ? "" : d.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      errors.add(new FieldError("name", "is required, at most 100 characters"));
    }
    if (d.position() != null && (d.position() < 0 || d.position() > 1_000_000)) {
      errors.add(new FieldError("position", "must be between 0 and 1000000"));
    }
    if (d.conditions().size() > MAX_CONDITIONS) {
      errors.add(new FieldError("conditions", "at most " + MAX_CONDITIONS));
    }
    List<Condition> conditions = new ArrayList<>();
    for (int i = 0; i < d.conditions().size(); i++) {
      Condition c = d.conditions().get(i);
      String f = "conditions[" + i + "]";
      if (c == null) {
        errors.add(new FieldError(f, "is null"));
        continue;
      }
      if (c.attribute() == null || !ATTRIBUTE.matcher(c.attribute().strip()).matches()) {
        errors.add(new FieldError(f + ".attribute", "is not an attribute name"));
      }
      if (c.operator() == null) {
        errors.add(new FieldError(f + ".operator", "is required (IN, NOT_IN, PREFIX, RANGE)"));
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String v : c.values()) {
        values.add(v == null ? "" : v.strip());
      }
      if (values.size() > MAX_VALUES) {
        errors.add(new FieldError(f + ".values", "at most " + MAX_VALUES));
      } else if (c.operator() == Condition.Operator.RANGE) {
        if (values.size() != 2 || (values.get(0).isEmpty() && values.get(1).isEmpty())) {
          errors.add(
              new FieldError(f + ".values", "RANGE takes [low, high]; one of them may be empty"));
        }
      } else if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
        errors.add(new FieldError(f + ".values", "needs one or more non-blank values"));
      } else if (values.stream().anyMatch(v -> v.length() > 100)) {
        errors.add(new FieldError(f + ".values", "a value is longer than 100 characters"));
      }
      if (c.attribute() != null) {
        conditions.add(new Condition(c.attribute().strip(), c.operator(), values));
      }
    }
    String user = d.user() == null || d.user().isBlank() ? null : d.user().strip();
    Set<String> skills = Set.of();
    try {
      skills = validSkills("skills", d.skills());
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
    if (d.strategy() == null) {
      errors.add(
          new FieldError("strategy", "is required (FIXED, ROUND_ROBIN, LEAST_LOADED, SKILLS)"));
    } else {
      switch (d.strategy()) {
        case FIXED -> {
          if (user == null || !USER_NAME.matcher(user).matches()) {
            errors.add(new FieldError("user", "a FIXED rule needs the owner's user name"));
          }
        }
        case ROUND_ROBIN, LEAST_LOADED -> {
          if (d.teamId() == null) {
            errors.add(new FieldError("teamId", "a " + d.strategy() + " rule needs a team"));
          }
        }
        case SKILLS -> {
          if (skills.isEmpty()) {
            errors.add(new FieldError("skills", "a SKILLS rule needs one or more skills"));
          }
        }
        default -> {}
      }
    }
    if (d.responseMinutes() != null && (d.responseMinutes() < 1 || d.responseMinutes() > 525_600)) {
      errors.add(new FieldError("responseMinutes", "must be between 1 and 525600 (a year)"));
    }
    if (d.escalate() && d.responseMinutes() == null) {
      errors.add(new FieldError("escalate", "needs responseMinutes: there is no deadline"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new AssignmentRuleDraft(
        d.kind(),
        name,
        d.position(),
        d.active(),
        conditions,
        d.strategy(),
        d.strategy() == Strategy.FIXED ? user : null,
        d.strategy() == Strategy.FIXED ? null : d.teamId(),
        d.strategy() == Strategy.SKILLS ? skills : Set.of(),
        d.responseMinutes(),
        d.escalate());
  }

  private static Set<String> validSkills(String field, Set<String> skills) {
    Set<String> out = new TreeSet<>();
    if (skills == null) {
      return out;
    }
    for (String s : skills) {
      String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
      if (!SKILL.matcher(t).matches()) {
        throw new ValidationException(
            List.of(new FieldError(field, "'" + s + "' is not a skill (letters, digits, . _ -)")));
      }
      out.add(t);
    }
    if (out.size() > MAX_SKILLS) {
      throw new ValidationException(List.of(new FieldError(field, "at most " + MAX_SKILLS)));
    }
    return out;
  }

  private static void checkAttributes(Map<String, String> attributes) {
    if (attributes != null && attributes.size() > MAX_ATTRIBUTES) {
      throw new ValidationException(
          List.of(new FieldError("attributes", "at most " + MAX_ATTRIBUTES)));
    }
    if (attributes != null) {
      for (String k : attributes.keySet()) {
        if (k == null || !ATTRIBUTE.matcher(k.strip()).matches()) {
          throw new ValidationException(
              List.of(new FieldError("attributes", "'" + k + "' is not an attribute name")));
        }
      }
    }
  }

  private static String validUser(String field, String user) {
    if (user == null || !USER_NAME.matcher(user).matches()) {
      throw new ValidationException(List.of(new FieldError(field, "is not a user name")));
    }
    return user;
  }

  private static void checkTeam(EntityManager em, AssignmentRuleDraft d) {
    if (d.teamId() != null && em.find(TeamEntity.class, d.teamId().toString()) == null) {
      throw new ValidationException(List.of(new FieldError("teamId", "no such team")));
    }
  }

  private static void checkNameFree(EntityManager em, RecordKind kind, String name, String self) {
    List<String> same =
        em.createQuery(
                "select r.id from AssignmentRuleEntity r where r.kind = :k and r.name = :n",
                String.class)
            .setParameter("k", kind)
            .setParameter("n", name)
            .getResultList();
    if (same.stream().anyMatch(id -> !id.equals(self))) {
      throw new ConflictException("a " + kind + " rule named '" + name + "' exists already");
    }
  }

  private static void apply(
      EntityManager em,
      AssignmentRuleEntity r,
      AssignmentRuleDraft d,
      Instant now,
      boolean created) {
    r.name = d.name();
    if (d.position() != null) {
      r.position = d.position();
    } else if (created) {
      Integer max =
          em.createQuery(
                  "select max(r.position) from AssignmentRuleEntity r where r.kind = :k",
                  Integer.class)
              .setParameter("k", d.kind())
              .getSingleResult();
      r.position = max == null ? 10 : max + 10;
    }
    r.active = d.active();
    r.conditions = AssignmentEngine.conditionsJson(d.conditions());
    if (r.strategy != d.strategy() || !Objects.equals(r.teamId, str(d.teamId()))) {
      // another team or strategy starts its turns afresh
      AssignmentCursorEntity c = created ? null : em.find(AssignmentCursorEntity.class, r.id);
      if (c != null) {
        c.nextTurn = 0;
      }
    }
    r.strategy = d.strategy();
    r.user = d.user();
    r.teamId = str(d.teamId());
    r.skills = d.skills().isEmpty() ? null : String.join(",", new TreeSet<>(d.skills()));
    r.responseMinutes = d.responseMinutes();
    r.escalate = d.escalate();
    r.updatedAt = now;
  }

  private static String str(UUID id) {
    return id == null ? null : id.toString();
  }

  private static AssignmentRuleEntity find(EntityManager em, UUID id) {
    AssignmentRuleEntity r = em.find(AssignmentRuleEntity.class, id.toString());
    if (r == null) {
      throw new NotFoundException("assignment rule", id);
    }
    return r;
  }

  static AssignmentRule toRule(AssignmentRuleEntity r) {
    return new AssignmentRule(
        UUID.fromString(r.id),
        r.kind,
        r.name,
        r.position,
        r.active,
        AssignmentEngine.conditions(r),
        r.strategy,
        r.user,
        r.teamId == null ? null : UUID.fromString(r.teamId),
        AssignmentEngine.skills(r.skills),
        r.responseMinutes,
        r.escalate,
        r.version,
        r.updatedAt);
  }

  private static Map<String, Object> image(AssignmentRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", r.kind());
    m.put("name", r.name());
    m.put("position", r.position());
    m.put("active", r.active());
    m.put("conditions", AssignmentEngine.conditionsJson(r.conditions()));
    m.put("strategy", r.strategy());
    m.put("user", r.user());
    m.put("teamId", r.teamId());
    m.put("skills", String.join(",", new TreeSet<>(r.skills())));
    m.put("responseMinutes", r.responseMinutes());
    m.put("escalate", r.escalate());
    return m;
  }

  private static Map<String, Object> image(Absence a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", a.user());
    m.put("from", a.from());
    m.put("to", a.to());
    m.put("reason", a.reason());
    return m;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
