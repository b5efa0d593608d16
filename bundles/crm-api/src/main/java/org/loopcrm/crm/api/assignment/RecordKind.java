package org.loopcrm.crm.api.assignment;

/**
 * The kinds of record assignment rules are written for. {@link #CASE} is accepted by the rules
 * before service cases exist, so rules can be prepared; nothing assigns cases yet.
 */
public enum RecordKind {
  /** A lead. */
  LEAD,
  /** An opportunity. */
  OPPORTUNITY,
  /** A service case (no case records yet). */
  CASE,
  /** A task (an activity of kind TASK). */
  TASK
}
