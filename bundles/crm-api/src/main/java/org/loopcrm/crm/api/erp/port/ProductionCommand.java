package org.loopcrm.crm.api.erp.port;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Request the production of a product.
 *
 * @param idempotencyKey unique per intended production; at most one is made per key
 * @param productCode the product to make
 * @param quantity how many
 * @param plannedStart when to start
 * @param bom the components per unit (a configured or engineered BOM), or empty to use the
 *     product's own BOM in the ERP
 * @param customerRef the customer it is for, or null
 * @param saleRef the sale it serves, or null
 * @param reference a reference shown in the ERP (the quote or opportunity number), or null
 */
public record ProductionCommand(
    String idempotencyKey,
    String productCode,
    BigDecimal quantity,
    LocalDate plannedStart,
    List<BomLine> bom,
    String customerRef,
    String saleRef,
    String reference) {

  /** Checks the keys and copies the BOM. */
  public ProductionCommand {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(productCode, "productCode");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(plannedStart, "plannedStart");
    bom = bom == null ? List.of() : List.copyOf(bom);
  }
}
