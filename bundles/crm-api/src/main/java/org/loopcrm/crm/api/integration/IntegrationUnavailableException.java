package org.loopcrm.crm.api.integration;

import org.loopcrm.crm.api.CrmException;

/** The broker (or the CamelContext) did not answer; the operation may be tried again later. */
public class IntegrationUnavailableException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message for the caller and the cause. */
  public IntegrationUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
