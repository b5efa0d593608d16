package org.loopcrm.crm.api.privacy;

/** Why data must be kept. */
public enum LegalHoldKind {
  /** Invoices are open: the receivable must still be collected and booked. */
  OPEN_RECEIVABLES,
  /** Sales orders are open: they must still be delivered and invoiced. */
  OPEN_SALES,
  /** Another legal obligation, or the check itself could not be made. */
  OTHER
}
