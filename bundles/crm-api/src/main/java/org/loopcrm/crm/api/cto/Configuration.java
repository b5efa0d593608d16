package org.loopcrm.crm.api.cto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.loopcrm.crm.api.erp.port.BomLine;

/**
 * A complete, valid configuration, saved immutably so that a quote line can reference it and an
 * order can carry its BOM to the ERP as a production request.
 *
 * @param id its id
 * @param modelCode the model
 * @param revision the model revision it was configured against
 * @param erpProductCode the ERP product it produces
 * @param selections one value per attribute
 * @param currency the currency of the prices
 * @param price the price breakdown
 * @param total the price
 * @param bom the components per produced unit, as a production request takes them
 * @param routing the operations
 */
public record Configuration(
    UUID id,
    String modelCode,
    int revision,
    String erpProductCode,
    Map<String, String> selections,
    String currency,
    List<PriceLine> price,
    BigDecimal total,
    List<BomLine> bom,
    List<RoutingStep> routing,
    String createdBy,
    Instant createdAt) {

  /** Copies the collections. */
  public Configuration {
    selections = Map.copyOf(selections);
    price = List.copyOf(price);
    bom = List.copyOf(bom);
    routing = List.copyOf(routing);
  }
}
