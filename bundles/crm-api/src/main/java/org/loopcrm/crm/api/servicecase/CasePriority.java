package org.loopcrm.crm.api.servicecase;

/** How urgent a case is. */
public enum CasePriority {
  /** Whenever there is time. */
  LOW,
  /** The default. */
  NORMAL,
  /** Before normal cases. */
  HIGH,
  /** Now. */
  URGENT
}
