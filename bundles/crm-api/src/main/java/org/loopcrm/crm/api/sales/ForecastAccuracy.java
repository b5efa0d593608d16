package org.loopcrm.crm.api.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * How one snapshot's forecast of a period compares with what is won in the period now, in one
 * currency.
 *
 * @param snapshotId the snapshot
 * @param takenAt when it was taken
 * @param currency ISO 4217
 * @param actual the amount of the opportunities won in the period, as they are now
 * @param commit what was won or committed at the snapshot
 * @param bestCase what was won, committed or best case at the snapshot
 * @param weighted what was won at the snapshot plus the open amounts times their probabilities
 */
public record ForecastAccuracy(
    UUID snapshotId,
    Instant takenAt,
    String currency,
    BigDecimal actual,
    Measure commit,
    Measure bestCase,
    Measure weighted) {

  /**
   * One forecast figure against the actual one.
   *
   * @param forecast the amount forecast
   * @param difference {@code actual − forecast}: positive when more was won than forecast
   * @param ratio {@code actual / forecast} (4 decimals), or null when nothing was forecast
   */
  public record Measure(BigDecimal forecast, BigDecimal difference, BigDecimal ratio) {

    /** The measure of a forecast against the actual amount. */
    public static Measure of(BigDecimal forecast, BigDecimal actual) {
      return new Measure(
          forecast,
          actual.subtract(forecast),
          forecast.signum() == 0
              ? null
              : actual.divide(forecast, 4, java.math.RoundingMode.HALF_UP));
    }
  }
}
