package org.loopcrm.crm.api.cto;

import java.util.List;

/**
 * A rule every valid configuration keeps. Values are written as the configurator takes them: option
 * codes, decimal integers, "true"/"false". Conditions and formulas use the configurator's
 * expression language: integer attributes and option properties ({@code motor.torque}) with {@code
 * + - * /} (integer division), comparisons {@code = != < <= > >=}, option tests ({@code motor =
 * 'M2'}, {@code motor in ('M2', 'M3')}), boolean attributes, {@code and}, {@code or}, {@code not}
 * and parentheses.
 */
public sealed interface Constraint
    permits Constraint.Requires,
        Constraint.Excludes,
        Constraint.Compatibility,
        Constraint.Range,
        Constraint.Formula {

  /** What the constraint says, in the user's words; explains a contradiction. */
  String label();

  /**
   * When {@code ifAttribute} takes one of {@code ifValues}, {@code thenAttribute} must take one of
   * {@code thenValues}.
   */
  record Requires(
      String label,
      String ifAttribute,
      List<String> ifValues,
      String thenAttribute,
      List<String> thenValues)
      implements Constraint {
    /** Copies the lists. */
    public Requires {
      ifValues = List.copyOf(ifValues);
      thenValues = List.copyOf(thenValues);
    }
  }

  /**
   * When {@code ifAttribute} takes one of {@code ifValues}, {@code thenAttribute} must take none of
   * {@code thenValues}.
   */
  record Excludes(
      String label,
      String ifAttribute,
      List<String> ifValues,
      String thenAttribute,
      List<String> thenValues)
      implements Constraint {
    /** Copies the lists. */
    public Excludes {
      ifValues = List.copyOf(ifValues);
      thenValues = List.copyOf(thenValues);
    }
  }

  /**
   * The attributes together take one of the allowed tuples; "*" in a tuple allows any value.
   *
   * @param attributes two or more attributes
   * @param tuples allowed combinations, one value per attribute in order
   */
  record Compatibility(String label, List<String> attributes, List<List<String>> tuples)
      implements Constraint {
    /** Copies the lists. */
    public Compatibility {
      attributes = List.copyOf(attributes);
      tuples = tuples.stream().map(List::copyOf).toList();
    }
  }

  /**
   * An integer attribute lies in [min, max] when the condition holds.
   *
   * @param when a condition, or null for always
   */
  record Range(String label, String attribute, int min, int max, String when)
      implements Constraint {}

  /** A condition that always holds, e.g. {@code width * height <= 6000000}. */
  record Formula(String label, String formula) implements Constraint {}
}
