package org.loopcrm.crm.api.plugin;

import java.util.Set;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;

/**
 * What a plugin sees of an operation: the record type, operation and stage, the caller, a
 * correlation id shared by every stage of one operation, the target (the input: an {@code
 * AccountDraft} on create and update, the record's id on delete, the requested {@code
 * AccountStatus} on a state change), the record before (pre-image, null on create) and after
 * (post-image, in {@link Stage#POST_OPERATION} and {@link Stage#ASYNC}; null on delete) and the
 * names of the fields the operation sets or changes. In {@link Stage#ASYNC} every value is rebuilt
 * from the job the transaction wrote, with the same types the synchronous stages see.
 */
public interface PluginContext {

  /** The record type, e.g. {@code account}. */
  String entity();

  /** The operation. */
  Operation operation();

  /** The stage now running. */
  Stage stage();

  /** Who performs the operation. */
  Actor actor();

  /** The same for every stage of one operation. */
  UUID correlationId();

  /** The input of the operation, as the previous plugins left it. */
  Object target();

  /** The input, typed. */
  default <T> T target(Class<T> type) {
    return type.cast(target());
  }

  /** The record before the operation, or null on create. */
  Object preImage();

  /**
   * The record as written, in {@link Stage#POST_OPERATION} and {@link Stage#ASYNC}; null before,
   * and null after a delete.
   */
  Object postImage();

  /** The fields the operation sets (create) or changes (update). */
  Set<String> changedFields();

  /**
   * Replaces the input; only in the pre-stages, and only with a value of the same type.
   *
   * @throws IllegalStateException in {@link Stage#POST_OPERATION} and {@link Stage#ASYNC}, and for
   *     {@link Operation#DELETE} and {@link Operation#STATE_CHANGE}, whose target (the record, the
   *     requested status) cannot change
   * @throws IllegalArgumentException for null or a value of another type
   */
  void replaceTarget(Object newTarget);
}
