package org.loopcrm.crm.api.sales;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line to add to an opportunity.
 *
 * @param productCode the ERP product code
 * @param description what is sold, or null for the ERP's product name
 * @param quantity how many, greater than zero
 * @param unitPrice the unit price, or null to take the ERP's list price (an ERP must be connected)
 * @param discountPercent 0 to 100, or null for none
 * @param configurationId the product configuration sold, or null
 */
public record LineDraft(
    String productCode,
    String description,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discountPercent,
    UUID configurationId) {}
