package org.loopcrm.crm.api.sales;

import java.math.BigDecimal;

/**
 * One row of a forecast: the opportunities of one group in one currency that close in the period.
 * Open opportunities count in their forecast category (OMITTED ones nowhere); won ones in {@code
 * closed}; lost ones nowhere. Amounts of different currencies are never added.
 *
 * @param key the group: owner, team id, product code or category name; {@code "total"} in the
 *     totals
 * @param label a readable name of the group (the team's name), else the key
 * @param currency ISO 4217
 * @param count how many opportunities count in the row
 * @param pipeline the open amount in PIPELINE
 * @param bestCase the open amount in BEST_CASE
 * @param commit the open amount in COMMIT
 * @param closed the amount won in the period
 * @param weighted the open amounts times their probabilities, plus {@code closed}
 * @param quota the quota of the owner (team) for the period in this currency, or null
 * @param attainment {@code closed / quota} (4 decimals), or null without a quota
 */
public record ForecastRow(
    String key,
    String label,
    String currency,
    long count,
    BigDecimal pipeline,
    BigDecimal bestCase,
    BigDecimal commit,
    BigDecimal closed,
    BigDecimal weighted,
    BigDecimal quota,
    BigDecimal attainment) {}
