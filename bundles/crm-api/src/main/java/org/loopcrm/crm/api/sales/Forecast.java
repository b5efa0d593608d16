package org.loopcrm.crm.api.sales;

import java.util.List;

/**
 * A forecast of a period, computed when asked from the opportunities the caller sees.
 *
 * @param period the period
 * @param groupBy what the rows are
 * @param rows the rows, by key then currency
 * @param totals one row per currency over every counted opportunity (key {@code "total"})
 */
public record Forecast(
    ForecastPeriod period,
    ForecastGrouping groupBy,
    List<ForecastRow> rows,
    List<ForecastRow> totals) {

  /** Copies the lists. */
  public Forecast {
    rows = List.copyOf(rows);
    totals = List.copyOf(totals);
  }
}
