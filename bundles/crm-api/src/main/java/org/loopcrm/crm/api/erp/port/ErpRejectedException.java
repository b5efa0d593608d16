package org.loopcrm.crm.api.erp.port;

import org.loopcrm.crm.api.CrmException;

/**
 * The ERP refused the command by one of its business rules (an unknown product, a closed fiscal
 * period). Retrying the same command will be refused again; the message is the ERP's own.
 */
public class ErpRejectedException extends CrmException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the ERP's message. */
  public ErpRejectedException(String message) {
    super(message);
  }
}
