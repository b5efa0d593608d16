package org.loopcrm.crm.api.erp.port;

import java.math.BigDecimal;

/**
 * A component of a bill of materials.
 *
 * @param productCode the component
 * @param quantity how many per produced unit
 */
public record BomLine(String productCode, BigDecimal quantity) {}
