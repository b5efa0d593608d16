package org.loopcrm.crm.api.customfield;

/** The kind of record a custom field belongs to. */
public enum FieldTarget {
  /** Accounts (organization parties). */
  ACCOUNT,
  /** Contacts (person parties linked to an account). */
  CONTACT
}
