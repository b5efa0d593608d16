package org.loopcrm.crm.api.erp.port;

import java.math.BigDecimal;

/** The ERP's manufacturing. */
public interface ManufacturingPort extends ErpPort {

  /**
   * Requests a production; with a key already used, returns the production made then.
   *
   * @throws ErpUnavailableException if the ERP cannot be reached
   * @throws ErpRejectedException if the ERP refuses it
   */
  DocumentRef requestProduction(ProductionCommand command);

  /**
   * Changes the quantity of a production not started yet, or cancels it at zero: a reduced or
   * cancelled order must not leave an orphaned production.
   *
   * @throws ErpRejectedException if the production already runs or is done
   */
  DocumentRef changeProduction(String productionRef, BigDecimal quantity);
}
