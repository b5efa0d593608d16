package org.loopcrm.crm.api.party;

/**
 * What a contact mechanism is used for. At most one mechanism of each kind is {@link #PRIMARY} per
 * party.
 */
public enum MechanismPurpose {
  /** The one to use by default for its kind. */
  PRIMARY,
  /** Invoices and payment reminders. */
  BILLING,
  /** Deliveries. */
  SHIPPING,
  /** Business use. */
  WORK,
  /** Private use. */
  HOME,
  /** Support and service. */
  SUPPORT
}
