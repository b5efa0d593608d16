package org.loopcrm.crm.api.plugin;

import org.loopcrm.crm.api.CrmException;

/**
 * An {@link Stage#ASYNC} job names a plugin that is not registered (any more): its bundle was
 * removed or is being updated. The route retries the job like any failed one, so a plugin that
 * comes back within the retries still runs; after that the job is dead-lettered.
 */
public class PluginNotRegisteredException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for the plugin's key. */
  public PluginNotRegisteredException(String pluginKey) {
    super("no ASYNC record plugin " + pluginKey + " is registered");
  }
}
