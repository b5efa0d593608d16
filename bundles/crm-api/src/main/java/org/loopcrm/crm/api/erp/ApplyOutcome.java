package org.loopcrm.crm.api.erp;

/** What applying an inbound fact did. */
public enum ApplyOutcome {
  /** The fact changed the CRM. */
  APPLIED,
  /** The fact's message id was applied before; nothing changed. */
  DUPLICATE,
  /** The fact is older than what the CRM holds (a late delivery); recorded, nothing changed. */
  STALE,
  /**
   * The fact met a CRM change it conflicts with; recorded as a {@link SyncConflict}, whose status
   * says what the policy did (the ERP's values applied, the CRM's kept, or nothing yet).
   */
  CONFLICT
}
