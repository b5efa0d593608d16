package org.loopcrm.crm.core.internal.plugin;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.plugin.Operation;
import org.loopcrm.crm.api.plugin.PluginContext;
import org.loopcrm.crm.api.plugin.Stage;

/** The context of one operation as it moves through the stages. */
public final class PipelineContext implements PluginContext {
  private final String entity;
  private final Operation operation;
  private final Actor actor;
  private final UUID correlationId;
  private final Object preImage;
  private final Set<String> changedFields;
  private Stage stage = Stage.PRE_VALIDATION;
  private Object target;
  private Object postImage;

  /** Starts an operation at {@link Stage#PRE_VALIDATION}. */
  public PipelineContext(
      String entity,
      Operation operation,
      Actor actor,
      Object target,
      Object preImage,
      Set<String> changedFields) {
    this(entity, operation, actor, UUID.randomUUID(), target, preImage, changedFields);
  }

  private PipelineContext(
      String entity,
      Operation operation,
      Actor actor,
      UUID correlationId,
      Object target,
      Object preImage,
      Set<String> changedFields) {
    this.entity = Objects.requireNonNull(entity);
    this.operation = Objects.requireNonNull(operation);
    this.actor = Objects.requireNonNull(actor);
    this.correlationId = Objects.requireNonNull(correlationId);
    this.target = target;
    this.preImage = preImage;
    this.changedFields = Set.copyOf(changedFields);
  }

  /** The context of an ASYNC job, rebuilt after commit from what the operation's context held. */
  static PipelineContext async(
      String entity,
      Operation operation,
      Actor actor,
      UUID correlationId,
      Object target,
      Object preImage,
      Object postImage,
      Set<String> changedFields) {
    PipelineContext ctx =
        new PipelineContext(
            entity, operation, actor, correlationId, target, preImage, changedFields);
    ctx.advance(Stage.ASYNC, postImage);
    return ctx;
  }

  @Override
  public String entity() {
    return entity;
  }

  @Override
  public Operation operation() {
    return operation;
  }

  @Override
  public Stage stage() {
    return stage;
  }

  @Override
  public Actor actor() {
    return actor;
  }

  @Override
  public UUID correlationId() {
    return correlationId;
  }

  @Override
  public Object target() {
    return target;
  }

  @Override
  public Object preImage() {
    return preImage;
  }

  @Override
  public Object postImage() {
    return postImage;
  }

  @Override
  public Set<String> changedFields() {
    return changedFields;
  }

  @Override
  public void replaceTarget(Object newTarget) {
    if (stage == Stage.POST_OPERATION || stage == Stage.ASYNC) {
      throw new IllegalStateException("the target cannot change after the record was written");
    }
    if (operation == Operation.DELETE
        || operation == Operation.STATE_CHANGE
        || operation == Operation.MERGE) {
      throw new IllegalStateException("the target of a " + operation + " cannot change");
    }
    if (newTarget == null || (target != null && newTarget.getClass() != target.getClass())) {
      throw new IllegalArgumentException(
          "the target must stay a " + (target == null ? "null" : target.getClass().getName()));
    }
    target = newTarget;
  }

  /** Moves to a later stage. */
  void advance(Stage next, Object newPostImage) {
    if (next.ordinal() <= stage.ordinal()) {
      throw new IllegalStateException("stages only move forward: " + stage + " to " + next);
    }
    stage = next;
    postImage = newPostImage;
  }
}
