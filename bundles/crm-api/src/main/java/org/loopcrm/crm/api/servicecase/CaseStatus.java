package org.loopcrm.crm.api.servicecase;

import java.util.Set;

/**
 * Where a case stands: NEW → OPEN → (WAITING_ON_CUSTOMER ↔ OPEN) → RESOLVED → CLOSED; a RESOLVED
 * case may be reopened (→ OPEN). CLOSED is final.
 */
public enum CaseStatus {
  /** Received, nobody has taken it up yet. */
  NEW,
  /** Being worked. */
  OPEN,
  /** The agent waits for the customer's answer. */
  WAITING_ON_CUSTOMER,
  /** Solved; the customer may still come back (reopen). */
  RESOLVED,
  /** Done for good. */
  CLOSED;

  /** Whether a case in this status may move to {@code to}. */
  public boolean canBecome(CaseStatus to) {
    return switch (this) {
      case NEW -> to == OPEN;
      case OPEN -> Set.of(WAITING_ON_CUSTOMER, RESOLVED).contains(to);
      case WAITING_ON_CUSTOMER -> to == OPEN;
      case RESOLVED -> Set.of(OPEN, CLOSED).contains(to);
      case CLOSED -> false;
    };
  }

  /** Whether somebody still has to work on the case (it counts towards its owner's load). */
  public boolean isOpen() {
    return this == NEW || this == OPEN || this == WAITING_ON_CUSTOMER;
  }
}
