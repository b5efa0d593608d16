package org.loopcrm.crm.api.sales;

import java.util.List;
import org.loopcrm.crm.api.Actor;

/**
 * Sales pipelines. Everybody who reads opportunities reads pipelines; defining and changing them is
 * for administrators. A pipeline in use keeps every stage an opportunity stands in.
 *
 * <p>Throws {@link org.loopcrm.crm.api.ValidationException} for a malformed pipeline, {@link
 * org.loopcrm.crm.api.NotFoundException} for an unknown code, {@link
 * org.loopcrm.crm.api.StaleVersionException} when the version is not the current one, {@link
 * org.loopcrm.crm.api.ConflictException} for a code taken or a change that would strand
 * opportunities, and {@link org.loopcrm.crm.api.AccessDeniedException}.
 */
public interface PipelineService {

  /** The pipelines, the default first, then by code. */
  List<Pipeline> pipelines(Actor actor);

  /** One pipeline. */
  Pipeline pipeline(Actor actor, String code);

  /** Defines a new pipeline. */
  Pipeline define(Actor actor, PipelineDraft draft);

  /** Replaces a pipeline that is at {@code expectedVersion}; its code stays. */
  Pipeline update(Actor actor, String code, long expectedVersion, PipelineDraft draft);
}
