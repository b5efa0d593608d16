package org.loopcrm.crm.api.plugin;

/**
 * When a plugin runs, relative to the operation's database transaction. More may be added in minor
 * versions of this package: a {@code switch} over them needs a default branch.
 */
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
  POST_OPERATION,
  /**
   * After the transaction committed, in the background, at least once. Inside the transaction the
   * CRM writes one job per matching ASYNC plugin to its outbox, so a job exists exactly when the
   * change committed; a route hands the jobs to the plugins in commit order per record, retries a
   * plugin that throws with back-off and then moves its job to a dead-letter queue.
   *
   * <p>The plugin sees what a {@link #POST_OPERATION} plugin saw (same types, rebuilt from the
   * job): target, pre- and post-image, changed fields, actor and correlation id. It cannot change
   * the target ({@link PluginContext#replaceTarget} throws) and cannot refuse anything: the change
   * is committed, so a {@link PluginVetoException} counts as a failure like any other exception and
   * is retried, then dead-lettered. A plugin that changes records does so through the CRM's
   * services, as a new operation (use an actor with channel {@code PLUGIN}), and must not register
   * for the operation it performs itself, or it loops. Jobs may be delivered more than once: make
   * the plugin idempotent.
   */
  ASYNC
}
