package org.loopcrm.crm.api.cto;

import java.util.List;
import java.util.Map;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;

/**
 * SPI: the constraint solver behind the configurator. The core's services call it after their
 * permission checks and persistence; an implementation holds no state beyond caches keyed by model
 * code and revision. It never enumerates variants.
 */
public interface ConfigurationSolver {

  /**
   * Checks a model definition: codes, kinds, bounds, references to attributes and values, and that
   * every expression parses and types.
   *
   * @return the problems, with field paths such as {@code constraints[2].formula}; empty when fine
   */
  List<FieldError> check(ProductModelDefinition definition);

  /**
   * Propagates the selections through the model's constraints.
   *
   * @param revision the revision the definition belongs to (part of the cache key)
   * @param selections attribute code to value
   * @throws ValidationException if an attribute or value is unknown to the model (field {@code
   *     selections.<attribute>})
   */
  Propagation configure(
      ProductModelDefinition definition, int revision, Map<String, String> selections);
}
