package org.loopcrm.crm.api.dedupe;

/** The review state of a duplicate cluster. */
public enum ClusterStatus {
  /** Waiting for review. */
  OPEN,
  /** A reviewer said the members are different parties: their pairs do not come back. */
  DISMISSED,
  /** The members were merged into one record. */
  MERGED
}
