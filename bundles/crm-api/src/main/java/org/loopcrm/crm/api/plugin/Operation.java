package org.loopcrm.crm.api.plugin;

/** The operations plugins register for. */
public enum Operation {
  /** A record is created. */
  CREATE,
  /** A record's fields are replaced. */
  UPDATE,
  /** A record is deleted. */
  DELETE
}
