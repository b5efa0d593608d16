package org.loopcrm.crm.api.activity;

/** Who started an interaction. */
public enum Direction {
  /** The customer contacted us. */
  INBOUND,
  /** We contacted the customer. */
  OUTBOUND,
  /** Among ourselves, about the customer. */
  INTERNAL
}
