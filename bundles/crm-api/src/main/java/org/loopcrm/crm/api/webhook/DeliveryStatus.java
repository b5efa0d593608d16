package org.loopcrm.crm.api.webhook;

/** Where a delivery stands. */
public enum DeliveryStatus {
  /** Not attempted yet. */
  PENDING,
  /** Delivered: the receiver answered 2xx. */
  DELIVERED,
  /** The last attempt failed; another one is scheduled at {@code nextAttemptAt}. */
  FAILED,
  /** Every attempt failed; no further attempt is made. */
  DEAD
}
