package org.loopcrm.crm.api.cto;

/**
 * A BOM line of a complete configuration (option components are on the options).
 *
 * @param component the component's ERP product code
 * @param quantity an expression, a constant such as {@code 2} or a formula such as {@code width /
 *     1000 * 2}; evaluated in decimals
 * @param when a condition, or null for always
 */
public record BomRule(String component, String quantity, String when) {}
