package org.loopcrm.crm.api.quote;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line of a quote as entered.
 *
 * @param productCode the ERP product code
 * @param description what is offered
 * @param quantity how many, greater than zero
 * @param unitPrice the unit price before discount, zero or more
 * @param discountPercent 0 to 100, or null for none
 * @param configurationId the product configuration offered (configure-to-order), or null
 */
public record QuoteLineDraft(
    String productCode,
    String description,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discountPercent,
    UUID configurationId) {}
