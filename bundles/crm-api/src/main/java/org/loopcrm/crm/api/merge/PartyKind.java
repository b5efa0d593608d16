package org.loopcrm.crm.api.merge;

/** The kinds of party that can be merged; a merge never mixes kinds. */
public enum PartyKind {
  /** Accounts (organization parties). */
  ACCOUNT,
  /** Contacts (person parties). */
  CONTACT
}
