package org.loopcrm.crm.api.assignment;

import java.util.List;

/**
 * A test of one attribute of the record, e.g. {@code country IN (DE, AT)}, {@code postcode PREFIX
 * (80, 81)}, {@code size RANGE (50, 249)}. Values compare ignoring case; an absent attribute
 * matches nothing but {@link Operator#NOT_IN}.
 *
 * @param attribute the attribute's name (country, region, postcode, industry, size, source, ...)
 * @param operator the test
 * @param values the operands: one or more for IN, NOT_IN and PREFIX; low and high for RANGE
 *     (numbers compare as numbers, other values as text; an empty bound is open)
 */
public record Condition(String attribute, Operator operator, List<String> values) {

  /** Copies the values. */
  public Condition {
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** The tests. */
  public enum Operator {
    /** The value is one of the values. */
    IN,
    /** The value is absent or none of the values. */
    NOT_IN,
    /** The value starts with one of the values (postcode areas). */
    PREFIX,
    /** The value lies between the two values, both included (postcode ranges, size bands). */
    RANGE
  }
}
