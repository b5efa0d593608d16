package org.loopcrm.crm.api.cto;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.loopcrm.crm.api.erp.port.BomLine;

/**
 * One choice of an option attribute.
 *
 * @param code unique within the attribute; formulas quote it ({@code motor = 'M2'})
 * @param label shown to the user
 * @param price added to the price when chosen, or null for none
 * @param properties integer properties formulas read as {@code attribute.property} (e.g. a motor's
 *     torque); a property a formula reads must be given on every option of the attribute
 * @param components BOM lines added when chosen
 * @param operations routing operations added when chosen
 */
public record Option(
    String code,
    String label,
    BigDecimal price,
    Map<String, Integer> properties,
    List<BomLine> components,
    List<Operation> operations) {

  /** Copies the collections. */
  public Option {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
    components = components == null ? List.of() : List.copyOf(components);
    operations = operations == null ? List.of() : List.copyOf(operations);
  }

  /** An option with a code, a label and a price only. */
  public static Option of(String code, String label, BigDecimal price) {
    return new Option(code, label, price, Map.of(), List.of(), List.of());
  }
}
