package org.loopcrm.crm.api.sales;

import java.util.List;

/**
 * What a pipeline is to be: the input of defining or changing one.
 *
 * @param code unique, 1 to 40 letters, digits, '-' or '_'
 * @param name shown to users
 * @param description what it is for, or null
 * @param defaultPipeline whether it becomes the default (the former default stops being it)
 * @param active whether new opportunities may use it
 * @param stages the stages in order: open ones, then at least one WON and one LOST
 */
public record PipelineDraft(
    String code,
    String name,
    String description,
    boolean defaultPipeline,
    boolean active,
    List<Stage> stages) {

  /** Copies the stages; null is none. */
  public PipelineDraft {
    stages = stages == null ? List.of() : List.copyOf(stages);
  }
}
