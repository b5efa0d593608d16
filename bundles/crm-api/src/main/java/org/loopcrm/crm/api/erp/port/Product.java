package org.loopcrm.crm.api.erp.port;

import java.math.BigDecimal;

/**
 * A product as the ERP sells it.
 *
 * @param code the product code
 * @param name the product's name
 * @param unit the sale unit, as the ERP names it
 * @param listPrice the list price per sale unit, or null if the ERP has none
 * @param currency the list price's currency (ISO 4217), or null for the company's
 * @param salable whether the ERP lets it be sold
 */
public record Product(
    String code,
    String name,
    String unit,
    BigDecimal listPrice,
    String currency,
    boolean salable) {}
