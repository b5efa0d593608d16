package org.loopcrm.crm.api.erp.port;

import java.math.BigDecimal;

/**
 * A line of a sale.
 *
 * @param productCode the product
 * @param quantity how many, in the product's sale unit
 * @param unitPrice the agreed unit price, or null for the ERP's list price
 * @param description a line description, or null
 */
public record SaleLine(
    String productCode, BigDecimal quantity, BigDecimal unitPrice, String description) {}
