package org.loopcrm.crm.api.servicecase;

/** What happened on a case. */
public enum CaseEventKind {
  /** The case was opened. */
  CREATED,
  /** Its status changed. */
  STATUS_CHANGED,
  /** An answer to the customer; the first one is the first response. */
  REPLY,
  /** An internal note, not for the customer. */
  NOTE
}
