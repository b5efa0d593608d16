package org.loopcrm.crm.api.assignment;

/** The kinds of record assignment rules are written for. */
public enum RecordKind {
  /** A lead. */
  LEAD,
  /** An opportunity. */
  OPPORTUNITY,
  /** A service case. */
  CASE,
  /** A task (an activity of kind TASK). */
  TASK
}
