package org.loopcrm.crm.api.cto;

import java.math.BigDecimal;

/**
 * An amount added to the price of a complete configuration (option prices are on the options). A
 * discount is a negative amount.
 *
 * @param label the line's name in the price breakdown
 * @param amount the amount, or the price per unit when {@code per} is given
 * @param per an integer expression the amount is multiplied by (e.g. {@code width} for a price per
 *     mm), or null for a flat amount
 * @param when a condition, or null for always
 */
public record PriceRule(String label, BigDecimal amount, String per, String when) {}
