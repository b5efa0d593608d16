package org.loopcrm.crm.api.dataimport;

/** What became of one row (in a dry run: what would become of it). */
public enum RowOutcome {
  /** A new record. */
  INSERTED,
  /** The one matching record was updated. */
  UPDATED,
  /** Nothing was written: see the row's errors. */
  REJECTED
}
