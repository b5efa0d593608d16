package org.loopcrm.crm.api.cto;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.loopcrm.crm.api.erp.port.BomLine;

/**
 * What the configurator answers for a (partial) configuration.
 *
 * @param modelCode the model
 * @param revision the revision that was configured
 * @param selections the selections as given
 * @param valid whether some complete configuration extends the selections
 * @param complete whether every attribute is selected (and the configuration is valid)
 * @param domains for each open attribute, in model order, the values still possible; empty when not
 *     valid
 * @param broken when not valid, a smallest set of constraints that together rule the selections out
 * @param currency the currency of the prices
 * @param price the price breakdown when complete, else empty
 * @param total the sum of the price lines when complete, else null
 * @param bom the BOM lines when complete (quantity per produced unit), else empty
 * @param routing the routing operations when complete, else empty
 */
public record Propagation(
    String modelCode,
    int revision,
    Map<String, String> selections,
    boolean valid,
    boolean complete,
    List<Domain> domains,
    List<BrokenConstraint> broken,
    String currency,
    List<PriceLine> price,
    BigDecimal total,
    List<BomLine> bom,
    List<RoutingStep> routing) {

  /** Copies the collections. */
  public Propagation {
    selections = Map.copyOf(selections);
    domains = List.copyOf(domains);
    broken = List.copyOf(broken);
    price = List.copyOf(price);
    bom = List.copyOf(bom);
    routing = List.copyOf(routing);
  }
}
