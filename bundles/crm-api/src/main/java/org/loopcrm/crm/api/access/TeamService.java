package org.loopcrm.crm.api.access;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;

/**
 * Teams and the manager hierarchy. Everyone who may read accounts may read teams and profiles; only
 * {@code crm-admin} changes them. Every change is audited. Calls throw {@link
 * AccessDeniedException}, {@link ValidationException}, {@link NotFoundException}, {@link
 * StaleVersionException} and {@link ConflictException} (a duplicate team name, a manager cycle).
 */
public interface TeamService {

  /** All teams, by name. */
  List<Team> teams(Actor actor);

  /** One team. */
  Team team(Actor actor, UUID id);

  /** Creates a team with the given members (user names; may be empty). */
  Team createTeam(Actor actor, String name, List<String> members);

  /** Renames a team and replaces its members. */
  Team updateTeam(Actor actor, UUID id, long expectedVersion, String name, List<String> members);

  /** Deletes a team and the shares given to it. */
  void deleteTeam(Actor actor, UUID id, long expectedVersion);

  /** A user's manager, teams and direct reports; unknown users have none of these. */
  UserProfile profile(Actor actor, String user);

  /**
   * Sets whom a user reports to, or clears it with null. Refuses a manager that would close a
   * cycle.
   */
  UserProfile setManager(Actor actor, String user, String manager);
}
