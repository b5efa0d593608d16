package org.loopcrm.crm.api.assignment;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a rule is made of, to create or replace one.
 *
 * @param kind the kind of record the rule assigns
 * @param name a name unique per kind
 * @param position the rule's place: rules of a kind are tried by ascending position, then name
 * @param active whether the rule is tried at all
 * @param conditions all must hold (none: the rule matches every record)
 * @param strategy how the owner is picked
 * @param user the owner of a {@link Strategy#FIXED} rule
 * @param teamId the team of ROUND_ROBIN and LEAST_LOADED rules, optional for SKILLS
 * @param skills the skills a SKILLS rule requires
 * @param responseMinutes the first-response deadline after assignment, or null for none
 * @param escalate whether the sweep re-assigns a record whose first response is overdue
 */
public record AssignmentRuleDraft(
    RecordKind kind,
    String name,
    Integer position,
    boolean active,
    List<Condition> conditions,
    Strategy strategy,
    String user,
    UUID teamId,
    Set<String> skills,
    Integer responseMinutes,
    boolean escalate) {

  /** Copies the collections. */
  public AssignmentRuleDraft {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    skills = skills == null ? Set.of() : Set.copyOf(skills);
  }
}
