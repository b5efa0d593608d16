package org.loopcrm.crm.api.erp.port;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A new quantity for one line of a sale the CRM made.
 *
 * @param position the line's position in the sale as the CRM placed it, 1, 2, ...
 * @param quantity the new quantity, 0 or more, in the line's unit
 */
public record SaleLineChange(int position, BigDecimal quantity) {
  /** Checks the position and quantity are there. */
  public SaleLineChange {
    if (position < 1) {
      throw new IllegalArgumentException("position must be 1 or more");
    }
    Objects.requireNonNull(quantity, "quantity");
  }
}
