package org.loopcrm.crm.api.erp.port;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The ERP's inventory, asked live for quotes (available-to-promise). */
public interface InventoryPort extends ErpPort {

  /**
   * The availability of {@code quantity} of a product at {@code date}.
   *
   * @param warehouse the warehouse's code or name, or null for the ERP's default warehouse
   * @throws org.loopcrm.crm.api.NotFoundException if the ERP has no such product or warehouse
   * @throws ErpUnavailableException if the ERP cannot be reached
   */
  Availability availability(
      String productCode, BigDecimal quantity, LocalDate date, String warehouse);
}
