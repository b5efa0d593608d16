package org.loopcrm.crm.api.search;

/** What a search hit is. */
public enum SearchKind {
  /** An account (organization party), matched on its name. */
  ACCOUNT,
  /** A contact (person party), matched on its name. */
  CONTACT,
  /** A contact mechanism (e-mail, phone, postal address, web, social) of an account or contact. */
  MECHANISM
}
