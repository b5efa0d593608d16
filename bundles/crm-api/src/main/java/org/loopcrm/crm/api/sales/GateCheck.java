package org.loopcrm.crm.api.sales;

/** Checks a stage makes before an opportunity may enter it, beside its required fields. */
public enum GateCheck {
  /** At least one line. */
  HAS_LINES,
  /** A contact is named. */
  HAS_CONTACT,
  /** At least one competitor is recorded. */
  HAS_COMPETITOR,
  /** The close date is today or later. */
  CLOSE_DATE_NOT_PAST,
  /** The amount is greater than zero. */
  POSITIVE_AMOUNT
}
