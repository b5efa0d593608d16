package org.loopcrm.crm.api.cto;

import java.util.List;

/**
 * The values an open attribute may still take after propagation.
 *
 * @param attribute the attribute's code
 * @param values the option codes (or "false"/"true") still possible; empty for an integer
 * @param min the least feasible value of an integer attribute; null otherwise
 * @param max the greatest feasible value of an integer attribute; null otherwise
 */
public record Domain(String attribute, List<String> values, Integer min, Integer max) {

  /** Copies the values. */
  public Domain {
    values = List.copyOf(values);
  }
}
