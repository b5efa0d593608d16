package org.loopcrm.crm.api.sales;

import java.util.UUID;

/**
 * What a forecast is asked for; null filters are not applied.
 *
 * @param period a month ({@code 2027-03}), a quarter ({@code 2027-Q1}) or a year ({@code 2027})
 * @param groupBy the rows, by default {@link ForecastGrouping#OWNER}
 * @param pipeline one pipeline's opportunities only
 * @param owner one owner's opportunities only
 * @param teamId the opportunities of one team's members only
 */
public record ForecastQuery(
    String period, ForecastGrouping groupBy, String pipeline, String owner, UUID teamId) {

  /** A period by owner, unfiltered. */
  public static ForecastQuery of(String period, ForecastGrouping groupBy) {
    return new ForecastQuery(period, groupBy, null, null, null);
  }
}
