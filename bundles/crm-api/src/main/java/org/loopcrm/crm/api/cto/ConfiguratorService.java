package org.loopcrm.crm.api.cto;

import java.util.Map;
import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;

/** Configures product models and saves complete configurations. */
public interface ConfiguratorService {

  /**
   * Validates a partial configuration and propagates it: for each open attribute the values still
   * possible, or the constraints a contradiction breaks; a price, BOM and routing when complete.
   * Configures the released revision, or the latest draft of a model never released.
   *
   * @throws NotFoundException if there is no such model
   * @throws ConflictException if the model is retired
   * @throws ValidationException if an attribute or value is unknown
   */
  Propagation configure(Actor actor, String modelCode, Map<String, String> selections);

  /**
   * Saves a complete, valid configuration of the released revision, immutably.
   *
   * @throws ValidationException if the configuration is incomplete, invalid or names unknown
   *     attributes or values
   * @throws ConflictException if the model has no released revision
   */
  Configuration save(Actor actor, String modelCode, Map<String, String> selections);

  /**
   * A saved configuration.
   *
   * @throws NotFoundException if there is no such configuration
   */
  Configuration get(Actor actor, UUID id);
}
