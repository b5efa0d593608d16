package org.loopcrm.crm.api.dataexport;

/** What an export lists, one record per row. */
public enum ExportSubject {
  /** The accounts of the list, with their primary contact mechanisms and tags. */
  ACCOUNTS,
  /** The contacts of the accounts of the list, with their primary contact mechanisms. */
  CONTACTS
}
