package org.loopcrm.crm.api.erp.port;

import java.util.List;
import java.util.Objects;

/**
 * Create a sale for a customer, and confirm it if asked.
 *
 * @param idempotencyKey unique per intended sale (e.g. the accepted quote's id and revision); at
 *     most one sale is ever made per key
 * @param customerRef the party in the ERP
 * @param reference the customer's reference (e.g. the quote number), or null
 * @param currency ISO 4217 code, or null for the company's currency
 * @param lines the lines, at least one
 * @param confirm whether to confirm it too (which makes the ERP plan shipments and invoices)
 */
public record SaleCommand(
    String idempotencyKey,
    String customerRef,
    String reference,
    String currency,
    List<SaleLine> lines,
    boolean confirm) {

  /** Checks the keys and copies the lines. */
  public SaleCommand {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(customerRef, "customerRef");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("a sale needs at least one line");
    }
  }
}
