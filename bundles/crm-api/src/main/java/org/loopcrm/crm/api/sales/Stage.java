package org.loopcrm.crm.api.sales;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stage of a pipeline.
 *
 * @param code unique within the pipeline, e.g. {@code QUALIFY}
 * @param name shown to users
 * @param kind open, or one that wins or loses the opportunity
 * @param probability the chance of winning, 0 to 100, an opportunity takes on entering the stage
 * @param forecastCategory the category an opportunity takes on entering the stage
 * @param requiredFields opportunity fields that must have a value to enter the stage (see {@link
 *     Opportunity#FIELDS})
 * @param gates further checks to enter the stage
 */
public record Stage(
    String code,
    String name,
    StageKind kind,
    int probability,
    ForecastCategory forecastCategory,
    List<String> requiredFields,
    Set<GateCheck> gates) {

  /** Copies the lists; null lists are empty. */
  public Stage {
    Objects.requireNonNull(kind, "kind");
    requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
    gates = gates == null ? Set.of() : Set.copyOf(gates);
  }
}
