package org.loopcrm.crm.api.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.sales.ForecastAccuracy.Measure;

class ForecastPeriodTest {

  @Test
  void monthsQuartersAndYearsHaveTheirFirstAndLastDay() {
    assertThat(ForecastPeriod.parse("2028-02"))
        .isEqualTo(
            new ForecastPeriod(
                "2028-02", LocalDate.parse("2028-02-01"), LocalDate.parse("2028-02-29")));
    assertThat(ForecastPeriod.parse(" 2027-Q4 "))
        .isEqualTo(
            new ForecastPeriod(
                "2027-Q4", LocalDate.parse("2027-10-01"), LocalDate.parse("2027-12-31")));
    assertThat(ForecastPeriod.parse("2027"))
        .isEqualTo(
            new ForecastPeriod(
                "2027", LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31")));
    assertThat(ForecastPeriod.parse("2027-Q2").contains(LocalDate.parse("2027-06-30"))).isTrue();
    assertThat(ForecastPeriod.parse("2027-Q2").contains(LocalDate.parse("2027-07-01"))).isFalse();
  }

  @Test
  void theNextPeriodHasTheSameLengthAcrossTheYear() {
    assertThat(ForecastPeriod.quarterOf(LocalDate.parse("2027-12-31")).key()).isEqualTo("2027-Q4");
    assertThat(ForecastPeriod.parse("2027-Q4").next().key()).isEqualTo("2028-Q1");
    assertThat(ForecastPeriod.parse("2027-12").next().key()).isEqualTo("2028-01");
    assertThat(ForecastPeriod.parse("2027").next().key()).isEqualTo("2028");
  }

  @Test
  void anythingElseIsRefusedNamingThePeriod() {
    for (String bad : List.of("2027-Q0", "2027-Q5", "2027-00", "2027-13", "27", "2027-3", "1999")) {
      Throwable e = catchThrowable(() -> ForecastPeriod.parse(bad));
      assertThat(e).as(bad).isInstanceOf(ValidationException.class);
      assertThat(((ValidationException) e).errors())
          .extracting(FieldError::field)
          .containsExactly("period");
    }
    assertThat(catchThrowable(() -> ForecastPeriod.parse(null)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void aMeasureHasNoRatioWhenNothingWasForecast() {
    Measure m = Measure.of(new BigDecimal("800.00"), new BigDecimal("1000.00"));
    assertThat(m.difference()).isEqualByComparingTo("200");
    assertThat(m.ratio()).isEqualByComparingTo("1.25");
    assertThat(Measure.of(BigDecimal.ZERO, BigDecimal.TEN).ratio()).isNull();
  }
}
