package org.loopcrm.crm.api.sales;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sales pipeline: ordered stages, open ones first, then at least one won and one lost stage.
 *
 * @param code unique, e.g. {@code STANDARD}
 * @param name shown to users
 * @param description what it is for, or null
 * @param defaultPipeline whether new opportunities use it when none is named (exactly one is)
 * @param active whether new opportunities may use it
 * @param stages the stages in order
 * @param version the optimistic version (the ETag)
 * @param updatedAt when it last changed
 */
public record Pipeline(
    String code,
    String name,
    String description,
    boolean defaultPipeline,
    boolean active,
    List<Stage> stages,
    long version,
    Instant updatedAt) {

  /** Copies the stages. */
  public Pipeline {
    stages = List.copyOf(stages);
  }

  /** The stage with this code, if the pipeline has it. */
  public Optional<Stage> stage(String stageCode) {
    return stages.stream().filter(s -> s.code().equals(stageCode)).findFirst();
  }

  /** The position of a stage in the pipeline, or -1. */
  public int indexOf(String stageCode) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).code().equals(stageCode)) {
        return i;
      }
    }
    return -1;
  }
}
