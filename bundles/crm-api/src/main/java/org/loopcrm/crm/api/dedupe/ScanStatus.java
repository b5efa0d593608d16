package org.loopcrm.crm.api.dedupe;

/** The state of a duplicate scan. */
public enum ScanStatus {
  /** Reading and comparing records. */
  RUNNING,
  /** Finished; its clusters are stored. */
  DONE,
  /** Stopped by an error. */
  FAILED
}
