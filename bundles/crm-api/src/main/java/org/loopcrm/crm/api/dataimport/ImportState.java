package org.loopcrm.crm.api.dataimport;

/** Where an import job is. */
public enum ImportState {
  /** Accepted, not started yet. */
  QUEUED,
  /** Rows are being written (or will be again after a restart, from the checkpoint). */
  RUNNING,
  /** Every row was processed. */
  DONE,
  /** The file could not be read; rows written before stay. */
  FAILED,
  /** Stopped on request; rows written before stay. */
  CANCELLED;

  /** Whether the job will not change any more. */
  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }
}
