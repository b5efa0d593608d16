package org.loopcrm.crm.api.assignment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One assignment of a record, with why it went to whom. A dry run has no id.
 *
 * @param id the assignment's id, null for a dry run
 * @param kind the kind of record
 * @param recordId the record's id, null for a dry run
 * @param owner the chosen owner, or null when no rule could assign
 * @param previousOwner the owner before a re-assignment, or null
 * @param ruleId the rule that assigned, or null
 * @param ruleName its name, kept when the rule is deleted
 * @param strategy its strategy, or null
 * @param reason why the assignment was made
 * @param explanation each step of the decision, in order
 * @param assignedBy who caused it
 * @param assignedAt when
 * @param responseDueAt the first-response deadline, or null
 */
public record Assignment(
    UUID id,
    RecordKind kind,
    String recordId,
    String owner,
    String previousOwner,
    UUID ruleId,
    String ruleName,
    Strategy strategy,
    Reason reason,
    List<String> explanation,
    String assignedBy,
    Instant assignedAt,
    Instant responseDueAt) {

  /** Copies the explanation. */
  public Assignment {
    explanation = List.copyOf(explanation);
  }

  /** Why an assignment was made. */
  public enum Reason {
    /** The record was created without an owner. */
    NEW,
    /** The owner is absent. */
    OWNER_ABSENT,
    /** The first response was overdue and the rule escalates. */
    RESPONSE_OVERDUE,
    /** A dry run: nothing was stored. */
    DRY_RUN
  }
}
