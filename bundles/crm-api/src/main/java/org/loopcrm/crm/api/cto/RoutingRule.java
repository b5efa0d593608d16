package org.loopcrm.crm.api.cto;

/**
 * A routing operation of a complete configuration (option operations are on the options).
 *
 * @param sequence where it goes in the routing: operations run by ascending sequence
 * @param operation what is done
 * @param workCentre where
 * @param minutes an expression: a constant or a formula, evaluated in decimals
 * @param when a condition, or null for always
 */
public record RoutingRule(
    int sequence, String operation, String workCentre, String minutes, String when) {}
