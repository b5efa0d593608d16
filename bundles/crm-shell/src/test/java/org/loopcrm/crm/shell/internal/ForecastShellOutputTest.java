package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.sales.Forecast;
import org.loopcrm.crm.api.sales.ForecastAccuracy;
import org.loopcrm.crm.api.sales.ForecastAccuracy.Measure;
import org.loopcrm.crm.api.sales.ForecastGrouping;
import org.loopcrm.crm.api.sales.ForecastPeriod;
import org.loopcrm.crm.api.sales.ForecastRow;
import org.loopcrm.crm.api.sales.Quota;

class ForecastShellOutputTest {
  private static String capture(java.util.function.Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void theForecastShowsEachRowPerCurrencyWithQuotaAttainmentAndTotals() {
    Forecast f =
        new Forecast(
            ForecastPeriod.parse("2027-Q1"),
            ForecastGrouping.OWNER,
            List.of(
                new ForecastRow(
                    "ann",
                    "ann",
                    "EUR",
                    3,
                    d("1000.00"),
                    d("2000.00"),
                    d("3000.00"),
                    d("2500.00"),
                    d("6000.00"),
                    d("10000.00"),
                    d("0.2500")),
                new ForecastRow(
                    "ann",
                    "ann",
                    "USD",
                    1,
                    d("0.00"),
                    d("0.00"),
                    d("700.00"),
                    d("0.00"),
                    d("630.00"),
                    null,
                    null)),
            List.of(
                new ForecastRow(
                    "total",
                    "total",
                    "EUR",
                    3,
                    d("1000.00"),
                    d("2000.00"),
                    d("3000.00"),
                    d("2500.00"),
                    d("6000.00"),
                    null,
                    null)));
    String out = capture(o -> ForecastCommand.print(f, o));
    assertThat(out).contains("Forecast 2027-Q1 (2027-01-01 to 2027-03-31) by owner");
    assertThat(out.lines().filter(l -> l.contains("ann") && l.contains("EUR")).findFirst())
        .hasValueSatisfying(
            l -> assertThat(l).contains("3000.00").contains("10000.00").contains("25.0%"));
    assertThat(out.lines().filter(l -> l.contains("USD")).findFirst())
        .hasValueSatisfying(l -> assertThat(l).contains("630.00").contains("-"));
    assertThat(out).contains("TOTAL");
  }

  @Test
  void badGroupingsAndAmountsAreNamed() {
    assertThat(ForecastCommand.grouping("Team")).isEqualTo(ForecastGrouping.TEAM);
    assertThatThrownBy(() -> ForecastCommand.grouping("week"))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> QuotaSetCommand.amount("lots"))
        .isInstanceOf(ValidationException.class);
    assertThat(QuotaSetCommand.amount(" 2500.50 ")).isEqualByComparingTo("2500.5");
    Quota q =
        new Quota(
            UUID.randomUUID(), "ann", null, "2027-Q1", d("2500.00"), "EUR", 2, Instant.EPOCH, "b");
    assertThat(QuotaSetCommand.describe(q, false))
        .isEqualTo("quota changed: ann 2027-Q1 2500.00 EUR (version 2)");
  }

  @Test
  void theAccuracyShowsSignedDifferencesAndRatios() {
    ForecastAccuracy a =
        new ForecastAccuracy(
            UUID.randomUUID(),
            Instant.parse("2027-01-05T06:00:00Z"),
            "EUR",
            d("4000.00"),
            Measure.of(d("5000.00"), d("4000.00")),
            Measure.of(d("3000.00"), d("4000.00")),
            Measure.of(d("0.00"), d("4000.00")));
    String out = capture(o -> ForecastAccuracyCommand.print("2027-Q1", List.of(a), o));
    assertThat(out).contains("-1000.00").contains("+1000.00").contains("0.80").contains("1.33");
    assertThat(capture(o -> ForecastAccuracyCommand.print("2027-Q1", List.of(), o)))
        .contains("no snapshot of 2027-Q1 yet");
  }
}
