package org.loopcrm.crm.transfer.internal.exports;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/** Cell values as text, and the guard against formula injection in CSV. */
final class Cells {
  /** Separates the tags in a CSV or XLSX cell. */
  static final String LIST_SEPARATOR = "; ";

  /** Plain numbers and E.164 phone numbers: they start with + or - but cannot run anything. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9][0-9 .]*");

  private Cells() {}

  /** A value as text: enums by name, decimals without exponent, lists joined; null stays null. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof List<?> list) {
      return String.join(LIST_SEPARATOR, list.stream().map(String::valueOf).toList());
    }
    return value.toString();
  }

  /**
   * Text a spreadsheet opening the CSV would not run as a formula (CSV injection): text starting
   * with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which spreadsheets
   * show as text. Plain numbers and phone numbers in E.164 are left alone.
   */
  static String guarded(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    boolean risky =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    if (risky && !NUMBER.matcher(text).matches()) {
      return "'" + text;
    }
    return text;
  }
}
