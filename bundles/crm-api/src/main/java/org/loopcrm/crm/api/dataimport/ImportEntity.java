package org.loopcrm.crm.api.dataimport;

/** What the rows of an import file are. */
public enum ImportEntity {
  /** Accounts (organizations): name, erpRef, taxId, owner, stage, email. */
  ACCOUNT
}
