package org.loopcrm.crm.api.dataimport;

/** How a row finds the record it updates. */
public enum MatchKey {
  /** Every row is a new record. */
  NONE,
  /** The ERP reference (unique). */
  ERP_REF,
  /** The e-mail address: of an account's e-mail contact mechanism (case-insensitive). */
  EMAIL,
  /** The normalised tax id (not unique: two or more matches reject the row). */
  TAX_ID
}
