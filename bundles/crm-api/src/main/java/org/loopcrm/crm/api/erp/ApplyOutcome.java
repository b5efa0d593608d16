package org.loopcrm.crm.api.erp;

/** What applying an inbound fact did. */
public enum ApplyOutcome {
  /** The fact changed the CRM. */
  APPLIED,
  /** The fact's message id was applied before; nothing changed. */
  DUPLICATE
}
