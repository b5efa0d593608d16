package org.loopcrm.crm.api.plugin;

import org.loopcrm.crm.api.CrmException;

/** Thrown by a plugin to refuse an operation; the message is shown to the caller as it is. */
public class PluginVetoException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Creates the veto with the message the caller sees. */
  public PluginVetoException(String message) {
    super(message);
  }
}
