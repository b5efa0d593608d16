package org.loopcrm.crm.api.customfield;

/**
 * A condition on one custom field of a listing, e.g. {@code cf.region=north} or {@code
 * cf.employees.gte=100}. Records without a value never match.
 *
 * @param key the field's key
 * @param op the comparison
 * @param value the value as text (ISO dates, plain decimals, true/false), parsed by the field's
 *     type
 */
public record CustomFieldFilter(String key, Op op, String value) {

  /** The comparisons. */
  public enum Op {
    /** Equal; for TEXT and ENUM case-sensitive. Every type but NUMBER. */
    EQ,
    /** Greater than or equal; NUMBER, INTEGER and DATE. */
    GTE,
    /** Less than or equal; NUMBER, INTEGER and DATE. */
    LTE
  }
}
