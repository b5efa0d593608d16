package org.loopcrm.crm.api.cto;

import java.math.BigDecimal;

/**
 * One line of a price breakdown: the base price, an option, or a price rule.
 *
 * @param label what the line is for
 * @param amount its amount (negative for a discount)
 */
public record PriceLine(String label, BigDecimal amount) {}
