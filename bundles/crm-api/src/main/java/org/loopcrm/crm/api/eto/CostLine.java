package org.loopcrm.crm.api.eto;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A line of an estimate.
 *
 * @param category what the cost is for
 * @param description what it is
 * @param quantity how many (hours, pieces), greater than zero
 * @param unitCost the cost of one, zero or more
 */
public record CostLine(
    CostCategory category, String description, BigDecimal quantity, BigDecimal unitCost) {

  /** Quantity times unit cost, to the cent. */
  public BigDecimal total() {
    return quantity.multiply(unitCost).setScale(2, RoundingMode.HALF_UP);
  }
}
