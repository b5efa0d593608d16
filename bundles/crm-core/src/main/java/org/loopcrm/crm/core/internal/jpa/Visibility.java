package org.loopcrm.crm.core.internal.jpa;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.access.PrincipalType;
import org.loopcrm.crm.api.access.RecordAccess;

/**
 * Record-level access to accounts, on top of the role matrix of {@code Permissions}: the circle of
 * owners whose records an actor sees, the shares given to the actor or its teams, and the
 * organisation-wide default of {@link AccessPolicy}. Contacts and history follow their account.
 * Records outside the circle read as not found, so their existence does not leak.
 */
final class Visibility {
  static final String ACCOUNT = "account";

  /** How deep a manager hierarchy is walked; deeper chains are a data error, not an org chart. */
  private static final int MAX_DEPTH = 64;

  /**
   * A placeholder for an empty {@code in} list, which JPQL does not allow: a blank is neither a
   * user name nor a team id.
   */
  private static final String NOBODY = " ";

  private Visibility() {}

  /**
   * Whose records an actor sees.
   *
   * @param everything whether the actor sees every record ({@code crm-admin}, {@code
   *     crm-integration})
   * @param user the actor's user name
   * @param owners the owners whose records the actor sees: itself, its team mates, its reports
   * @param teamIds the ids of the actor's teams, for shares to teams
   */
  record Circle(boolean everything, String user, Set<String> owners, Set<String> teamIds) {

    /** The owners, never empty, for an {@code in} parameter. */
    List<String> ownerList() {
      return owners.isEmpty() ? List.of(NOBODY) : List.copyOf(owners);
    }

    /** The team ids, never empty, for an {@code in} parameter. */
    List<String> teamList() {
      return teamIds.isEmpty() ? List.of(NOBODY) : List.copyOf(teamIds);
    }
  }

  static boolean seesEverything(Actor actor) {
    return actor.has(Role.CRM_ADMIN) || actor.has(Role.CRM_INTEGRATION);
  }

  /** The actor's circle, read in the caller's transaction. */
  static Circle circle(EntityManager em, Actor actor) {
    if (seesEverything(actor)) {
      return new Circle(true, actor.user(), Set.of(), Set.of());
    }
    Set<String> teams =
        new HashSet<>(
            em.createQuery(
                    "select m.teamId from TeamMemberEntity m where m.userName = :user",
                    String.class)
                .setParameter("user", actor.user())
                .getResultList());
    Set<String> owners = new HashSet<>();
    owners.add(actor.user());
    if (!teams.isEmpty()) {
      owners.addAll(
          em.createQuery(
                  "select m.userName from TeamMemberEntity m where m.teamId in :teams",
                  String.class)
              .setParameter("teams", List.copyOf(teams))
              .getResultList());
    }
    owners.addAll(reports(em, actor.user()));
    return new Circle(false, actor.user(), Set.copyOf(owners), Set.copyOf(teams));
  }

  /** Everyone who reports to {@code manager}, directly or further down. */
  static Set<String> reports(EntityManager em, String manager) {
    Set<String> seen = new HashSet<>();
    Deque<String> level = new ArrayDeque<>(List.of(manager));
    for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
      List<String> next =
          em.createQuery(
                  "select p.userName from UserProfileEntity p where p.manager in :managers",
                  String.class)
              .setParameter("managers", List.copyOf(level))
              .getResultList();
      level.clear();
      for (String user : next) {
        if (!user.equals(manager) && seen.add(user)) {
          level.add(user);
        }
      }
    }
    return seen;
  }

  /** What the actor may do with the account under the policy. */
  static RecordAccess access(
      EntityManager em, Actor actor, AccessPolicy policy, OrganizationEntity o) {
    if (policy.mode() == AccessPolicy.Mode.PUBLIC_READ_WRITE) {
      return RecordAccess.WRITE;
    }
    return access(em, circle(em, actor), policy, o);
  }

  /** The same, with the actor's circle read once for many accounts (e.g. a hierarchy). */
  static RecordAccess access(
      EntityManager em, Circle circle, AccessPolicy policy, OrganizationEntity o) {
    if (policy.mode() == AccessPolicy.Mode.PUBLIC_READ_WRITE) {
      return RecordAccess.WRITE;
    }
    if (circle.everything() || circle.owners().contains(o.owner)) {
      return RecordAccess.WRITE;
    }
    RecordAccess best =
        policy.mode() == AccessPolicy.Mode.PUBLIC_READ ? RecordAccess.READ : RecordAccess.NONE;
    return shared(em, circle, ACCOUNT, o.id, best);
  }

  /** The best of {@code best} and the shares of the record to the circle's user or teams. */
  private static RecordAccess shared(
      EntityManager em, Circle circle, String type, String id, RecordAccess best) {
    List<RecordAccess> shared =
        em.createQuery(
                "select s.access from RecordShareEntity s where s.recordType = :type"
                    + " and s.recordId = :id and ((s.principalType = :userType and s.principal ="
                    + " :user) or (s.principalType = :teamType and s.principal in :teams))",
                RecordAccess.class)
            .setParameter("type", type)
            .setParameter("id", id)
            .setParameter("userType", PrincipalType.USER)
            .setParameter("user", circle.user())
            .setParameter("teamType", PrincipalType.TEAM)
            .setParameter("teams", circle.teamList())
            .getResultList();
    for (RecordAccess a : shared) {
      if (a.includes(best)) {
        best = a;
      }
    }
    return best;
  }

  /**
   * What the circle may do with a record that has an owner of its own (a case, a lead): write when
   * the owner is in the circle, else as shared, under the organisation-wide default.
   */
  static RecordAccess owned(
      EntityManager em, Circle circle, AccessPolicy policy, String type, String id, String owner) {
    if (policy.mode() == AccessPolicy.Mode.PUBLIC_READ_WRITE
        || circle.everything()
        || circle.owners().contains(owner)) {
      return RecordAccess.WRITE;
    }
    RecordAccess best =
        policy.mode() == AccessPolicy.Mode.PUBLIC_READ ? RecordAccess.READ : RecordAccess.NONE;
    return shared(em, circle, type, id, best);
  }

  /**
   * A JPQL condition on an owned record's alias that keeps the records the circle may read (owner
   * in the circle, or shared with the user or its teams), or null when it reads them all. Binds the
   * parameters of {@link #bind}.
   */
  static String ownedListCondition(Circle circle, AccessPolicy policy, String alias, String type) {
    if (circle.everything() || policy.mode() != AccessPolicy.Mode.PRIVATE) {
      return null;
    }
    return "("
        + alias
        + ".owner in :visOwners or exists (select s.id from RecordShareEntity s"
        + " where s.recordType = '"
        + type
        + "' and s.recordId = "
        + alias
        + ".id and ((s.principalType = :visUserType and s.principal = :visUser) or"
        + " (s.principalType = :visTeamType and s.principal in :visTeams))))";
  }

  /** The account if the actor may read it; not found otherwise. */
  static OrganizationEntity readable(
      EntityManager em, Actor actor, AccessPolicy policy, OrganizationEntity o) {
    if (access(em, actor, policy, o) == RecordAccess.NONE) {
      throw new NotFoundException(ACCOUNT, UUID.fromString(o.id));
    }
    return o;
  }

  /**
   * Checks that the actor may read the account a record belongs to. A record whose account the
   * actor may not read is not found itself, so the answer tells nothing of the account.
   */
  static void readableThrough(
      EntityManager em,
      Actor actor,
      AccessPolicy policy,
      String accountId,
      String recordKind,
      UUID recordId) {
    OrganizationEntity o = em.find(OrganizationEntity.class, accountId);
    if (o == null || access(em, actor, policy, o) == RecordAccess.NONE) {
      throw new NotFoundException(recordKind, recordId);
    }
  }

  /** The account if the actor may change it; not found or access denied otherwise. */
  static OrganizationEntity writable(
      EntityManager em, Actor actor, AccessPolicy policy, OrganizationEntity o) {
    RecordAccess a = access(em, actor, policy, o);
    if (a == RecordAccess.NONE) {
      throw new NotFoundException(ACCOUNT, UUID.fromString(o.id));
    }
    if (a != RecordAccess.WRITE) {
      throw new AccessDeniedException(
          "user " + actor.user() + " may read account " + o.id + " but not change it");
    }
    return o;
  }

  /**
   * A JPQL condition on the account alias {@code o} that keeps the accounts the circle may read, or
   * null when it reads every account. Binds the parameters it names with {@link #bind}.
   */
  static String listCondition(Circle circle, AccessPolicy policy) {
    if (circle.everything() || policy.mode() != AccessPolicy.Mode.PRIVATE) {
      return null;
    }
    return "(o.owner in :visOwners or exists (select s.id from RecordShareEntity s"
        + " where s.recordType = 'account' and s.recordId = o.id and ((s.principalType ="
        + " :visUserType and s.principal = :visUser) or (s.principalType = :visTeamType and"
        + " s.principal in :visTeams))))";
  }

  /** The parameters of {@link #listCondition}. */
  static void bind(Circle circle, java.util.Map<String, Object> params) {
    params.put("visOwners", circle.ownerList());
    params.put("visUserType", PrincipalType.USER);
    params.put("visUser", circle.user());
    params.put("visTeamType", PrincipalType.TEAM);
    params.put("visTeams", circle.teamList());
  }
}
