package org.loopcrm.crm.api.cto;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a product model says: the part a user writes. The configurator checks it on save (unknown
 * attributes, duplicate codes, empty option lists, min above max, formulas that do not parse).
 *
 * @param code the model's unique code
 * @param name its name
 * @param erpProductCode the ERP product that a configuration of it produces
 * @param currency ISO 4217 code of every amount in the model
 * @param basePrice the price before options and rules
 * @param attributes what the buyer chooses, at least one
 * @param constraints the rules every valid configuration keeps
 * @param pricing price rules beyond option prices
 * @param bom BOM rules beyond option components
 * @param routing routing rules beyond option operations
 */
public record ProductModelDefinition(
    String code,
    String name,
    String erpProductCode,
    String currency,
    BigDecimal basePrice,
    List<Attribute> attributes,
    List<Constraint> constraints,
    List<PriceRule> pricing,
    List<BomRule> bom,
    List<RoutingRule> routing) {

  /** Copies the lists. */
  public ProductModelDefinition {
    attributes = attributes == null ? List.of() : List.copyOf(attributes);
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
    pricing = pricing == null ? List.of() : List.copyOf(pricing);
    bom = bom == null ? List.of() : List.copyOf(bom);
    routing = routing == null ? List.of() : List.copyOf(routing);
  }
}
