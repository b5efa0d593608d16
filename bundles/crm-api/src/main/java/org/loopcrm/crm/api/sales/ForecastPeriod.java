package org.loopcrm.crm.api.sales;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;

/**
 * A forecast period: a month ({@code 2027-03}), a quarter ({@code 2027-Q1}) or a year ({@code
 * 2027}), with its first and last day.
 *
 * @param key the period's key as written
 * @param start its first day
 * @param end its last day
 */
public record ForecastPeriod(String key, LocalDate start, LocalDate end) {
  private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?");

  /** Checks the bounds. */
  public ForecastPeriod {
    Objects.requireNonNull(key, "key");
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("a period ends after it starts");
    }
  }

  /**
   * Parses a period key.
   *
   * @throws ValidationException naming the field {@code period} when the key is none of {@code
   *     YYYY}, {@code YYYY-MM}, {@code YYYY-Qn}, or its year is outside 2000 to 2999
   */
  public static ForecastPeriod parse(String key) {
    String k = key == null ? "" : key.strip();
    Matcher m = KEY.matcher(k);
    if (!m.matches()) {
      throw invalid(
          key == null || key.isBlank()
              ? "is required: a month (2027-03), a quarter (2027-Q1) or a year (2027)"
              : "must be a month (2027-03), a quarter (2027-Q1) or a year (2027), not '"
                  + key
                  + "'");
    }
    int year = Integer.parseInt(m.group(1));
    if (year < 2000 || year > 2999) {
      throw invalid("must be a year between 2000 and 2999");
    }
    if (m.group(2) != null) {
      YearMonth ym = YearMonth.of(year, Integer.parseInt(m.group(2)));
      return new ForecastPeriod(k, ym.atDay(1), ym.atEndOfMonth());
    }
    if (m.group(3) != null) {
      return quarter(year, Integer.parseInt(m.group(3)));
    }
    return new ForecastPeriod(k, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** The quarter a day falls in. */
  public static ForecastPeriod quarterOf(LocalDate day) {
    return quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  /** The period of the same length that follows this one. */
  public ForecastPeriod next() {
    return switch (key.length()) {
      case 4 -> parse(Integer.toString(start.getYear() + 1));
      case 7 ->
          key.charAt(5) == 'Q'
              ? quarterOf(end.plusDays(1))
              : parse(YearMonth.from(end.plusDays(1)).toString());
      default -> throw new IllegalStateException("not a period key: " + key);
    };
  }

  /** Whether the day falls in the period. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  private static ForecastPeriod quarter(int year, int q) {
    LocalDate start = LocalDate.of(year, (q - 1) * 3 + 1, 1);
    return new ForecastPeriod(year + "-Q" + q, start, start.plusMonths(3).minusDays(1));
  }

  private static ValidationException invalid(String message) {
    return new ValidationException(List.of(new FieldError("period", message)));
  }
}
