package org.loopcrm.crm.api.erp.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Whether a quantity of a product can be promised at a date.
 *
 * @param productCode the product
 * @param warehouse the warehouse asked, or null for the ERP's default
 * @param date the date asked
 * @param requested the quantity asked
 * @param onHand the quantity in stock now
 * @param forecast the quantity expected at {@code date} (stock plus planned receipts minus planned
 *     issues)
 * @param unit the unit of the quantities, as the ERP names it
 * @param asOf when the ERP answered
 */
public record Availability(
    String productCode,
    String warehouse,
    LocalDate date,
    BigDecimal requested,
    BigDecimal onHand,
    BigDecimal forecast,
    String unit,
    Instant asOf) {

  /** Whether the forecast at the date covers the requested quantity. */
  public boolean available() {
    return forecast.compareTo(requested) >= 0;
  }
}
