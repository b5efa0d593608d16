package org.loopcrm.crm.api.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A stored assignment rule; see {@link AssignmentRuleDraft} for the fields.
 *
 * @param id the rule's id
 * @param kind the kind of record
 * @param name the name
 * @param position the place among the kind's rules
 * @param active whether it is tried
 * @param conditions the conditions, all of which must hold
 * @param strategy how the owner is picked
 * @param user the FIXED owner
 * @param teamId the team
 * @param skills the required skills, sorted
 * @param responseMinutes the first-response deadline in minutes, or null
 * @param escalate whether an overdue first response re-assigns
 * @param version the version to send back with a change
 * @param updatedAt when it last changed
 */
public record AssignmentRule(
    UUID id,
    RecordKind kind,
    String name,
    int position,
    boolean active,
    List<Condition> conditions,
    Strategy strategy,
    String user,
    UUID teamId,
    Set<String> skills,
    Integer responseMinutes,
    boolean escalate,
    long version,
    Instant updatedAt) {

  /** Copies the collections. */
  public AssignmentRule {
    conditions = List.copyOf(conditions);
    skills = Set.copyOf(skills);
  }
}
