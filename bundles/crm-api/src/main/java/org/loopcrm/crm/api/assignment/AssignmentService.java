package org.loopcrm.crm.api.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;

/**
 * Assignment rules, the users' capacity, skills and absences, the assignment history of records and
 * the sweep that re-assigns records of absent owners. Everyone reads rules; administrators and
 * managers write them; a user sets their own absences. Calls throw {@link
 * org.loopcrm.crm.api.AccessDeniedException}, {@link ValidationException}, {@link
 * NotFoundException}, {@link StaleVersionException} and {@link ConflictException}.
 */
public interface AssignmentService {

  /** The rules of a kind (all kinds when null), in the order they are tried. */
  List<AssignmentRule> rules(Actor actor, RecordKind kind);

  /** One rule. */
  AssignmentRule rule(Actor actor, UUID id);

  /** Creates a rule. */
  AssignmentRule createRule(Actor actor, AssignmentRuleDraft draft);

  /** Replaces a rule; its kind cannot change. */
  AssignmentRule updateRule(Actor actor, UUID id, long expectedVersion, AssignmentRuleDraft draft);

  /** Deletes a rule; its past assignments keep its name. */
  void deleteRule(Actor actor, UUID id, long expectedVersion);

  /**
   * What would happen to a record of the kind with these attributes now: nothing is stored, no
   * round-robin turn is used.
   */
  Assignment explain(Actor actor, RecordKind kind, Map<String, String> attributes);

  /** The assignments of one record, newest first. */
  List<Assignment> history(Actor actor, RecordKind kind, String recordId);

  /**
   * Re-assigns open records whose owner is absent now, and those whose first response is overdue
   * under a rule that escalates.
   */
  SweepResult sweep(Actor actor);

  /** A user's capacity, skills and current absences. */
  Assignee assignee(Actor actor, String user);

  /** Sets a user's capacity per kind of record (null: no limit). */
  Assignee setCapacity(Actor actor, String user, Integer capacity);

  /** Replaces a user's skills. */
  Assignee setSkills(Actor actor, String user, Set<String> skills);

  /** Records an absence; the user themself, administrators and managers may. */
  Absence addAbsence(Actor actor, String user, Instant from, Instant to, String reason);

  /** Removes an absence. */
  void removeAbsence(Actor actor, String user, UUID absenceId);
}
