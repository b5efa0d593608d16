package org.loopcrm.crm.api.merge;

/** Whether a merge is in force or was undone. */
public enum MergeStatus {
  /** The losers are merged into the survivor. */
  MERGED,
  /** The merge was undone: the losers and their children are back. */
  UNDONE
}
