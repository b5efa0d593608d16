package org.loopcrm.crm.api.plugin;

/** When a plugin runs, relative to the operation's database transaction. */
public enum Stage {
  /** Before the transaction and before the CRM validates the input; may change the target. */
  PRE_VALIDATION,
  /**
   * Inside the transaction, after validation, before the record is written; may change the target.
   */
  PRE_OPERATION,
  /**
   * Inside the transaction, after the record is written; sees the post-image; a veto rolls back.
   */
  POST_OPERATION
}
