package org.loopcrm.crm.core.internal.jpa;

/**
 * One kind of child record a merge re-links from the losers to the survivor: the extension point of
 * merging. A later table that points at parties (custom field values, duplicate clusters, lifecycle
 * history, ERP documents) adds one class implementing this and one line in {@link
 * JpaMergeService#STEPS}.
 *
 * <p>A step changes rows only through {@link MergeRun#journal()}, which is what makes the merge
 * undoable: undo replays the journal backwards and refuses when a row no longer holds what the
 * merge left. A step that must do more on undo (e.g. recompute a derived value) overrides {@link
 * #undone}.
 */
interface MergeStep {
  /** The tables the step re-links, for documentation and the merge's report. */
  String tables();

  /** Re-links the losers' rows to the survivor, dropping or changing what would clash. */
  void relink(MergeRun run);

  /** Called after undo put the journal back; nothing to do for most steps. */
  default void undone(MergeRun run) {}
}
