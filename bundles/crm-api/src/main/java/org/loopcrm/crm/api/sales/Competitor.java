package org.loopcrm.crm.api.sales;

/**
 * A competitor in an opportunity.
 *
 * @param name the competitor, e.g. a company name
 * @param note strengths, weaknesses, their offer, or null
 */
public record Competitor(String name, String note) {}
