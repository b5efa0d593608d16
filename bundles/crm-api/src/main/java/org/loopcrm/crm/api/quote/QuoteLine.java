package org.loopcrm.crm.api.quote;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line of a quote.
 *
 * @param position 1, 2, ...
 * @param productCode the ERP product code
 * @param description what is offered
 * @param quantity how many
 * @param unitPrice the unit price before discount
 * @param discountPercent 0 to 100
 * @param total quantity × unit price × (1 − discount), rounded to cents
 * @param configurationId the configuration offered, or null
 * @param availability the ERP's last answer on availability, or null if never checked
 * @param orderedQuantity what is on order now once the quote is accepted: its quantity, or less
 *     after the order was reduced; null before acceptance
 */
public record QuoteLine(
    int position,
    String productCode,
    String description,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discountPercent,
    BigDecimal total,
    UUID configurationId,
    LineAvailability availability,
    BigDecimal orderedQuantity) {

  /** A line with nothing on order (before acceptance). */
  public QuoteLine(
      int position,
      String productCode,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      BigDecimal total,
      UUID configurationId,
      LineAvailability availability) {
    this(
        position,
        productCode,
        description,
        quantity,
        unitPrice,
        discountPercent,
        total,
        configurationId,
        availability,
        null);
  }
}
