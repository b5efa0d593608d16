package org.loopcrm.crm.api.activity;

/** Where a task stands: open, then done or cancelled. */
public enum TaskStatus {
  /** To do; its reminder may fire. */
  OPEN,
  /** Done. */
  DONE,
  /** Will not be done. */
  CANCELLED
}
