package org.loopcrm.crm.api;

/** The caller changed a record from a version that is no longer current. */
public class StaleVersionException extends CrmException {
  private static final long serialVersionUID = 1L;
  private final long currentVersion;

  /** Creates the exception, naming the version the record has now. */
  public StaleVersionException(String kind, Object id, long expected, long currentVersion) {
    super(
        kind
            + " "
            + id
            + " is at version "
            + currentVersion
            + ", not "
            + expected
            + ": read it again and repeat the change");
    this.currentVersion = currentVersion;
  }

  /** The version the record has now. */
  public long currentVersion() {
    return currentVersion;
  }
}
