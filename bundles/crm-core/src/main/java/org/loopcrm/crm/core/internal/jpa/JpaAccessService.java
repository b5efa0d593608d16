package org.loopcrm.crm.core.internal.jpa;

import static org.loopcrm.crm.core.internal.security.Permissions.USER_NAME;
import static org.loopcrm.crm.core.internal.security.Permissions.require;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.access.PrincipalType;
import org.loopcrm.crm.api.access.RecordAccess;
import org.loopcrm.crm.api.access.Share;
import org.loopcrm.crm.api.access.ShareService;
import org.loopcrm.crm.api.access.Team;
import org.loopcrm.crm.api.access.TeamService;
import org.loopcrm.crm.api.access.UserProfile;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.core.internal.security.Permissions.Action;
import org.loopcrm.crm.core.internal.security.Permissions.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Teams, the manager hierarchy and record shares on the JPA persistence unit {@code crm}. */
@Component(service = {TeamService.class, ShareService.class})
public final class JpaAccessService implements TeamService, ShareService {
  private static final int MAX_MEMBERS = 500;

  private final Transactions tx;
  private final Clock clock;
  private final AccessPolicy policy;

  /** Wired by DS once the schema is migrated and the persistence unit is up. */
  @Activate
  public JpaAccessService(
      @Reference(target = "(osgi.unit.name=crm)") EntityManagerFactory emf,
      @Reference SchemaMigration schema,
      @Reference AccessPolicy policy) {
    this(emf, Clock.systemUTC(), policy);
  }

  JpaAccessService(EntityManagerFactory emf, Clock clock, AccessPolicy policy) {
    this.tx = new Transactions(emf);
    this.clock = clock;
    this.policy = policy;
  }

  // --- teams

  @Override
  public List<Team> teams(Actor actor) {
    require(actor, Resource.TEAM, Action.READ);
    return tx.readOnly(
        em ->
            em
                .createQuery("select t from TeamEntity t order by t.name, t.id", TeamEntity.class)
                .getResultList()
                .stream()
                .map(t -> toTeam(em, t))
                .toList());
  }

  @Override
  public Team team(Actor actor, UUID id) {
    require(actor, Resource.TEAM, Action.READ);
    return tx.readOnly(em -> toTeam(em, findTeam(em, id)));
  }

  @Override
  public Team createTeam(Actor actor, String name, List<String> members) {
    require(actor, Resource.TEAM, Action.CREATE);
    String n = validTeam(name, members);
    return tx.inTransaction(
        em -> {
          checkNameFree(em, n, null);
          Instant now = now();
          TeamEntity t = new TeamEntity();
          t.id = UUID.randomUUID().toString();
          t.name = n;
          t.createdAt = now;
          t.updatedAt = now;
          em.persist(t);
          setMembers(em, t.id, members);
          Team team = toTeam(em, t);
          AuditLog.record(
              em, actor, AuditAction.CREATE, AuditLog.TEAM, t.id, null, image(team), now);
          return team;
        });
  }

  @Override
  public Team updateTeam(
      Actor actor, UUID id, long expectedVersion, String name, List<String> members) {
    require(actor, Resource.TEAM, Action.UPDATE);
    String n = validTeam(name, members);
    return tx.inTransaction(
        em -> {
          TeamEntity t = findTeam(em, id);
          if (t.version != expectedVersion) {
            throw new StaleVersionException("team", id, expectedVersion, t.version);
          }
          checkNameFree(em, n, t.id);
          Map<String, Object> before = image(toTeam(em, t));
          t.name = n;
          t.updatedAt = now();
          // The version moves on a member-only change too, so concurrent edits of one team clash.
          em.lock(t, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
          setMembers(em, t.id, members);
          em.flush();
          Team team = toTeam(em, t);
          AuditLog.record(
              em, actor, AuditAction.UPDATE, AuditLog.TEAM, t.id, before, image(team), t.updatedAt);
          return team;
        });
  }

  @Override
  public void deleteTeam(Actor actor, UUID id, long expectedVersion) {
    require(actor, Resource.TEAM, Action.DELETE);
    tx.inTransaction(
        em -> {
          TeamEntity t = findTeam(em, id);
          if (t.version != expectedVersion) {
            throw new StaleVersionException("team", id, expectedVersion, t.version);
          }
          Instant now = now();
          for (RecordShareEntity s :
              em.createQuery(
                      "select s from RecordShareEntity s where s.principalType = :type"
                          + " and s.principal = :team",
                      RecordShareEntity.class)
                  .setParameter("type", PrincipalType.TEAM)
                  .setParameter("team", t.id)
                  .getResultList()) {
            auditShare(em, actor, s, t.name, s.access, null, now);
            em.remove(s);
          }
          AuditLog.record(
              em, actor, AuditAction.DELETE, AuditLog.TEAM, t.id, image(toTeam(em, t)), null, now);
          setMembers(em, t.id, List.of());
          em.remove(t);
          return null;
        });
  }

  // --- the manager hierarchy

  @Override
  public UserProfile profile(Actor actor, String user) {
    require(actor, Resource.TEAM, Action.READ);
    String u = validUser("user", user);
    return tx.readOnly(em -> toProfile(em, u));
  }

  @Override
  public UserProfile setManager(Actor actor, String user, String manager) {
    require(actor, Resource.TEAM, Action.UPDATE);
    String u = validUser("user", user);
    String m = manager == null || manager.isBlank() ? null : validUser("manager", manager);
    if (u.equals(m)) {
      throw new ValidationException(List.of(new FieldError("manager", "cannot be the user")));
    }
    return tx.inTransaction(
        em -> {
          if (m != null && Visibility.reports(em, u).contains(m)) {
            throw new ConflictException(
                m + " reports to " + u + " already; " + u + " cannot report to " + m);
          }
          UserProfileEntity p = em.find(UserProfileEntity.class, u);
          if (p == null) {
            p = new UserProfileEntity();
            p.userName = u;
            p.id = UUID.randomUUID().toString();
            em.persist(p);
          }
          Map<String, Object> before = new LinkedHashMap<>();
          before.put("manager", p.manager);
          p.manager = m;
          em.flush();
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("manager", m);
          AuditLog.record(em, actor, AuditAction.UPDATE, AuditLog.USER, p.id, before, after, now());
          return toProfile(em, u);
        });
  }

  // --- shares

  @Override
  public List<Share> shares(Actor actor, String recordType, UUID recordId) {
    require(actor, Resource.SHARE, Action.READ);
    String type = checkType(recordType);
    return tx.readOnly(
        em -> {
          requireAccess(em, actor, type, recordId, false);
          List<Share> out = new ArrayList<>();
          for (RecordShareEntity s :
              em.createQuery(
                      "select s from RecordShareEntity s where s.recordType = :type"
                          + " and s.recordId = :id order by s.principalType, s.principal",
                      RecordShareEntity.class)
                  .setParameter("type", type)
                  .setParameter("id", recordId.toString())
                  .getResultList()) {
            out.add(toShare(em, s));
          }
          return out;
        });
  }

  @Override
  public Share share(
      Actor actor,
      String recordType,
      UUID recordId,
      PrincipalType principalType,
      String principal,
      RecordAccess access) {
    require(actor, Resource.SHARE, Action.CREATE);
    String type = checkType(recordType);
    List<FieldError> errors = new ArrayList<>();
    if (principalType == null) {
      errors.add(new FieldError("principalType", "must be USER or TEAM"));
    }
    if (access == null || access == RecordAccess.NONE) {
      errors.add(new FieldError("access", "must be READ or WRITE"));
    }
    if (principalType == PrincipalType.USER
        && (principal == null || !USER_NAME.matcher(principal.strip()).matches())) {
      errors.add(new FieldError("principal", "must be a user name of at most 100 characters"));
    }
    if (principalType == PrincipalType.TEAM && (principal == null || principal.isBlank())) {
      errors.add(new FieldError("principal", "must name a team"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return tx.inTransaction(
        em -> {
          String id = requireAccess(em, actor, type, recordId, true);
          String key;
          String label;
          if (principalType == PrincipalType.TEAM) {
            TeamEntity t = teamByName(em, principal.strip());
            key = t.id;
            label = t.name;
          } else {
            key = principal.strip();
            label = key;
          }
          List<RecordShareEntity> existing =
              em.createQuery(
                      "select s from RecordShareEntity s where s.recordType = :type and s.recordId"
                          + " = :id and s.principalType = :ptype and s.principal = :principal",
                      RecordShareEntity.class)
                  .setParameter("type", type)
                  .setParameter("id", id)
                  .setParameter("ptype", principalType)
                  .setParameter("principal", key)
                  .getResultList();
          Instant now = now();
          RecordShareEntity s;
          RecordAccess before = null;
          if (existing.isEmpty()) {
            s = new RecordShareEntity();
            s.id = UUID.randomUUID().toString();
            s.recordType = type;
            s.recordId = id;
            s.principalType = principalType;
            s.principal = key;
          } else {
            s = existing.get(0);
            before = s.access;
          }
          s.access = access;
          s.grantedBy = actor.user();
          s.grantedAt = now;
          if (before == null) {
            em.persist(s);
          }
          em.flush();
          auditShare(em, actor, s, label, before, access, now);
          return toShare(em, s);
        });
  }

  @Override
  public void unshare(Actor actor, String recordType, UUID recordId, UUID shareId) {
    require(actor, Resource.SHARE, Action.DELETE);
    String type = checkType(recordType);
    tx.inTransaction(
        em -> {
          requireAccess(em, actor, type, recordId, true);
          RecordShareEntity s = em.find(RecordShareEntity.class, shareId.toString());
          if (s == null || !s.recordId.equals(recordId.toString()) || !s.recordType.equals(type)) {
            throw new NotFoundException("share", shareId);
          }
          auditShare(em, actor, s, toShare(em, s).principal(), s.access, null, now());
          em.remove(s);
          return null;
        });
  }

  @Override
  public RecordAccess access(Actor actor, String recordType, UUID recordId) {
    String type = checkType(recordType);
    require(
        actor,
        switch (type) {
          case JpaCaseService.RECORD -> Resource.CASE;
          case JpaLeadService.LEAD -> Resource.LEAD;
          default -> Resource.ACCOUNT;
        },
        Action.READ);
    return tx.readOnly(
        em -> {
          RecordAccess a = accessTo(em, actor, type, recordId);
          if (a == RecordAccess.NONE) {
            throw new NotFoundException(type, recordId);
          }
          return a;
        });
  }

  // --- helpers

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The kinds of record that can be shared. */
  private static final List<String> SHAREABLE =
      List.of(Visibility.ACCOUNT, JpaCaseService.RECORD, JpaLeadService.LEAD);

  private static String checkType(String recordType) {
    if (!SHAREABLE.contains(recordType)) {
      throw new ValidationException(
          List.of(new FieldError("recordType", "only " + SHAREABLE + " records can be shared")));
    }
    return recordType;
  }

  /** What the actor may do with the record; not found when the record does not exist. */
  private RecordAccess accessTo(EntityManager em, Actor actor, String type, UUID id) {
    if (type.equals(JpaCaseService.RECORD)) {
      return JpaCaseService.access(em, actor, policy, JpaCaseService.find(em, id));
    }
    if (type.equals(JpaLeadService.LEAD)) {
      return JpaLeadService.access(em, actor, policy, JpaLeadService.find(em, id));
    }
    return Visibility.access(em, actor, policy, JpaAccountService.find(em, id));
  }

  /**
   * The record's id if the actor may read it (or change it, with {@code write}); not found or
   * access denied otherwise.
   */
  private String requireAccess(EntityManager em, Actor actor, String type, UUID id, boolean write) {
    RecordAccess a = accessTo(em, actor, type, id);
    if (a == RecordAccess.NONE) {
      throw new NotFoundException(type, id);
    }
    if (write && a != RecordAccess.WRITE) {
      throw new AccessDeniedException(
          "user " + actor.user() + " may read " + type + " " + id + " but not change it");
    }
    return id.toString();
  }

  private static String validTeam(String name, List<String> members) {
    List<FieldError> errors = new ArrayList<>();
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 100) {
      errors.add(new FieldError("name", "must be 1 to 100 characters"));
    }
    if (members == null) {
      errors.add(new FieldError("members", "is required (may be empty)"));
    } else {
      if (members.size() > MAX_MEMBERS) {
        errors.add(new FieldError("members", "must be at most " + MAX_MEMBERS));
      }
      for (int i = 0; i < members.size(); i++) {
        String m = members.get(i);
        if (m == null || !USER_NAME.matcher(m.strip()).matches()) {
          errors.add(
              new FieldError(
                  "members[" + i + "]", "must be a user name of at most 100 characters"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return n;
  }

  private static String validUser(String field, String user) {
    if (user == null || !USER_NAME.matcher(user.strip()).matches()) {
      throw new ValidationException(
          List.of(new FieldError(field, "must be a user name of at most 100 characters")));
    }
    return user.strip();
  }

  private static TeamEntity findTeam(EntityManager em, UUID id) {
    TeamEntity t = em.find(TeamEntity.class, id.toString());
    if (t == null) {
      throw new NotFoundException("team", id);
    }
    return t;
  }

  private static TeamEntity teamByName(EntityManager em, String name) {
    List<TeamEntity> teams =
        em.createQuery("select t from TeamEntity t where t.name = :name", TeamEntity.class)
            .setParameter("name", name)
            .getResultList();
    if (teams.isEmpty()) {
      throw new ValidationException(
          List.of(new FieldError("principal", "no team is named " + name)));
    }
    return teams.get(0);
  }

  private static void checkNameFree(EntityManager em, String name, String exceptId) {
    List<TeamEntity> same =
        em.createQuery("select t from TeamEntity t where t.name = :name", TeamEntity.class)
            .setParameter("name", name)
            .getResultList();
    if (!same.isEmpty() && !same.get(0).id.equals(exceptId)) {
      throw new ConflictException("a team is named " + name + " already");
    }
  }

  private static void setMembers(EntityManager em, String teamId, List<String> members) {
    em.createQuery("delete from TeamMemberEntity m where m.teamId = :team")
        .setParameter("team", teamId)
        .executeUpdate();
    for (String user : new TreeSet<>(members.stream().map(String::strip).toList())) {
      TeamMemberEntity m = new TeamMemberEntity();
      m.teamId = teamId;
      m.userName = user;
      em.persist(m);
    }
  }

  private static Team toTeam(EntityManager em, TeamEntity t) {
    List<String> members =
        em.createQuery(
                "select m.userName from TeamMemberEntity m where m.teamId = :team"
                    + " order by m.userName",
                String.class)
            .setParameter("team", t.id)
            .getResultList();
    return new Team(UUID.fromString(t.id), t.name, members, t.version, t.createdAt, t.updatedAt);
  }

  private static Map<String, Object> image(Team t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", t.name());
    m.put("members", String.join(",", t.members()));
    return m;
  }

  private static UserProfile toProfile(EntityManager em, String user) {
    UserProfileEntity p = em.find(UserProfileEntity.class, user);
    List<String> teams =
        em.createQuery(
                "select t.name from TeamEntity t, TeamMemberEntity m where m.teamId = t.id"
                    + " and m.userName = :user order by t.name",
                String.class)
            .setParameter("user", user)
            .getResultList();
    List<String> reports =
        em.createQuery(
                "select p.userName from UserProfileEntity p where p.manager = :user"
                    + " order by p.userName",
                String.class)
            .setParameter("user", user)
            .getResultList();
    return new UserProfile(user, p == null ? null : p.manager, teams, reports);
  }

  private static Share toShare(EntityManager em, RecordShareEntity s) {
    String principal = s.principal;
    if (s.principalType == PrincipalType.TEAM) {
      TeamEntity t = em.find(TeamEntity.class, s.principal);
      principal = t == null ? s.principal : t.name;
    }
    return new Share(
        UUID.fromString(s.id),
        s.recordType,
        UUID.fromString(s.recordId),
        s.principalType,
        principal,
        s.access,
        s.grantedBy,
        s.grantedAt);
  }

  /** A share change is recorded on the shared record's history, as a field per principal. */
  private static void auditShare(
      EntityManager em,
      Actor actor,
      RecordShareEntity s,
      String label,
      RecordAccess before,
      RecordAccess after,
      Instant now) {
    if (Objects.equals(before, after)) {
      return;
    }
    String field =
        "share:" + s.principalType.name().toLowerCase(java.util.Locale.ROOT) + ":" + label;
    Map<String, Object> b = new LinkedHashMap<>();
    b.put(field, before);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put(field, after);
    AuditLog.record(em, actor, AuditAction.UPDATE, s.recordType, s.recordId, b, a, now);
  }
}
