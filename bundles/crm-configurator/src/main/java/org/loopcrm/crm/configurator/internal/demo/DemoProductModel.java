package org.loopcrm.crm.configurator.internal.demo;

import java.util.Map;
import java.util.Set;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.cto.ConfiguratorUnavailableException;
import org.loopcrm.crm.api.cto.ProductModel;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.ProductModelService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and releases the {@link IndustrialDoor} when {@code crm.core} says {@code demo=true} and
 * the model is not there yet. It lives with the solver, so the demo accounts of crm-core load
 * without the configurator, and the model whenever the configurator runs.
 */
@Component(
    configurationPid = "crm.core",
    configurationPolicy = ConfigurationPolicy.OPTIONAL,
    immediate = true,
    service = {})
public final class DemoProductModel {
  private static final Logger LOG = LoggerFactory.getLogger(DemoProductModel.class);
  private static final Actor LOADER =
      new Actor("demo-loader", Set.of(Role.CRM_ADMIN), Actor.Channel.SYSTEM);

  /**
   * Loads the model if asked to. The product model service is activated again once it has the
   * solver (its reference to it is greedy), and this component with it: a first activation that
   * finds the solver missing waits for that second one.
   */
  @Activate
  public DemoProductModel(@Reference ProductModelService models, Map<String, Object> properties) {
    if (!Boolean.parseBoolean(String.valueOf(properties.get("demo")))) {
      return;
    }
    ProductModelDefinition door = IndustrialDoor.definition();
    try {
      models.get(LOADER, door.code());
      return;
    } catch (NotFoundException e) {
      // not there yet: load it
    }
    ProductModel m;
    try {
      m = models.create(LOADER, door);
    } catch (ConfiguratorUnavailableException e) {
      LOG.info("demo mode: the demo product model waits for the product model service's solver");
      return;
    }
    models.release(LOADER, m.code(), m.version());
    LOG.warn("demo mode: loaded the released demo product model {}", m.code());
  }
}
