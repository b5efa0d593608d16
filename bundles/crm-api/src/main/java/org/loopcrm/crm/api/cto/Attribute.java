package org.loopcrm.crm.api.cto;

import java.util.List;

/**
 * One thing the buyer chooses.
 *
 * @param code unique within the model; formulas name it (letters, digits, underscore)
 * @param label shown to the user
 * @param kind what values it takes
 * @param options the choices of an {@link Kind#OPTION} attribute, at least one; empty otherwise
 * @param min the least value of an {@link Kind#INTEGER} attribute; null otherwise
 * @param max the greatest value of an {@link Kind#INTEGER} attribute; null otherwise
 * @param unit the unit of an integer attribute (e.g. "mm"), or null
 */
public record Attribute(
    String code,
    String label,
    Kind kind,
    List<Option> options,
    Integer min,
    Integer max,
    String unit) {

  /** Copies the options. */
  public Attribute {
    options = options == null ? List.of() : List.copyOf(options);
  }

  /** An option attribute. */
  public static Attribute option(String code, String label, List<Option> options) {
    return new Attribute(code, label, Kind.OPTION, options, null, null, null);
  }

  /** An integer attribute. */
  public static Attribute integer(String code, String label, int min, int max, String unit) {
    return new Attribute(code, label, Kind.INTEGER, List.of(), min, max, unit);
  }

  /** A yes/no attribute. */
  public static Attribute bool(String code, String label) {
    return new Attribute(code, label, Kind.BOOLEAN, List.of(), null, null, null);
  }

  /** The kinds of values an attribute takes. */
  public enum Kind {
    /** One of a finite list of options, by option code. */
    OPTION,
    /** A whole number in [min, max]. */
    INTEGER,
    /** "true" or "false". */
    BOOLEAN
  }
}
