package org.loopcrm.crm.api.plugin;

/**
 * The operations plugins register for. More may be added in minor versions of this package: a
 * {@code switch} over them needs a default branch.
 */
public enum Operation {
  /** A record is created; the target is the draft. */
  CREATE,
  /** A record's fields are replaced; the target is the draft. */
  UPDATE,
  /** A record is deleted; the target is the record's id ({@code UUID}). */
  DELETE,
  /**
   * Two or more records become one (entity {@code account} or {@code contact}); undoing a merge
   * fires it too. The target is the {@code MergeRequest} (for an undo, the merge's id), the
   * pre-image the survivor before, the post-image the survivor after; the changed fields are the
   * fields another party's value was chosen for.
   */
  MERGE,
  /**
   * A record's status changes: an account is archived or restored. The target is the requested
   * status (an {@code AccountStatus}); the pre-image holds the old status, the post-image the new
   * one, and the changed fields are {@code status}. A veto in a synchronous stage refuses the
   * change.
   */
  STATE_CHANGE
}
