package org.loopcrm.crm.api.quote;

/**
 * Where a quote stands. DRAFT → (submit) → PENDING_APPROVAL → (approve) → APPROVED, or straight to
 * APPROVED when no line needs approval; APPROVED → SENT → ACCEPTED or REJECTED. A newer revision
 * SUPERSEDES the open ones; a refused approval sends it back to DRAFT. An ACCEPTED quote whose
 * order the customer withdraws is ORDER_CANCELLED.
 */
public enum QuoteStatus {
  DRAFT,
  PENDING_APPROVAL,
  APPROVED,
  SENT,
  ACCEPTED,
  REJECTED,
  SUPERSEDED,
  ORDER_CANCELLED;

  /** Whether the quote is still in play (not accepted, rejected or superseded). */
  public boolean open() {
    return this != ACCEPTED && this != REJECTED && this != SUPERSEDED && this != ORDER_CANCELLED;
  }
}
