package org.loopcrm.crm.api.customfield;

/**
 * The type of a custom field and the Java type of its values in {@code customFields} maps.
 *
 * <ul>
 *   <li>{@link #TEXT}: {@link String}, optional maximum length
 *   <li>{@link #NUMBER}: {@link java.math.BigDecimal}, at most 20 digits before and 10 after the
 *       point, optional min/max
 *   <li>{@link #INTEGER}: {@link Long}, optional min/max
 *   <li>{@link #DATE}: {@link java.time.LocalDate}, optional min/max date
 *   <li>{@link #BOOLEAN}: {@link Boolean}
 *   <li>{@link #ENUM}: {@link String}, one of the field's options
 * </ul>
 */
public enum FieldType {
  /** Free text. */
  TEXT,
  /** A decimal number. */
  NUMBER,
  /** A whole number. */
  INTEGER,
  /** A calendar date. */
  DATE,
  /** True or false. */
  BOOLEAN,
  /** One of a list of options. */
  ENUM
}
