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
   * Two records become one. Declared for the account merge of the customer-master issue, which will
   * fire it; no operation of the CRM fires it yet, so a plugin registered for it does not run.
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
