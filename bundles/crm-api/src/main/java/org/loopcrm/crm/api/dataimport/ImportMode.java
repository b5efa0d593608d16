package org.loopcrm.crm.api.dataimport;

/** What a row that matches an existing record does. */
public enum ImportMode {
  /** Only new records: a row that matches one is rejected. */
  INSERT_ONLY,
  /** A row that matches one record updates it; one that matches none inserts. */
  UPSERT
}
