package org.loopcrm.crm.api.sales;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line of an opportunity: what the customer is expected to buy.
 *
 * @param id the line's id
 * @param productCode the ERP product code
 * @param description what is sold, by default the ERP's product name
 * @param quantity how many, greater than zero
 * @param unitPrice the unit price before discount, by default the ERP's list price
 * @param discountPercent 0 to 100
 * @param total quantity × unit price × (1 − discount), rounded to cents
 * @param configurationId the product configuration sold (configure-to-order), or null
 */
public record OpportunityLine(
    UUID id,
    String productCode,
    String description,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discountPercent,
    BigDecimal total,
    UUID configurationId) {}
