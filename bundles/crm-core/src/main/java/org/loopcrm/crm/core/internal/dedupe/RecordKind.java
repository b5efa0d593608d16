package org.loopcrm.crm.core.internal.dedupe;

/** What a match record stands for. Records are only ever compared with records of their kind. */
public enum RecordKind {
  /** An account: an organization. */
  ACCOUNT,
  /** A contact: a person. */
  CONTACT
}
