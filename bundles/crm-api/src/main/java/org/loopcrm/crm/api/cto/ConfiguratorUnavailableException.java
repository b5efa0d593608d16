package org.loopcrm.crm.api.cto;

import org.loopcrm.crm.api.CrmException;

/**
 * No configuration solver is running (the {@code crm-configurator} bundle is not installed or not
 * started): product models cannot be checked or configured until it is.
 */
public class ConfiguratorUnavailableException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ConfiguratorUnavailableException() {
    super("the configurator is not running: install or start the crm-configurator feature");
  }
}
