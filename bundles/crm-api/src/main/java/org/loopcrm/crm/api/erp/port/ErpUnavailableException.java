package org.loopcrm.crm.api.erp.port;

import org.loopcrm.crm.api.CrmException;

/**
 * The ERP could not be reached or did not answer in time. Nothing is known to have changed there;
 * retrying the same command (same idempotency key) is safe.
 */
public class ErpUnavailableException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ErpUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
