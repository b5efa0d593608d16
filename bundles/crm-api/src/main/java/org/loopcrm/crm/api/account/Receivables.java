package org.loopcrm.crm.api.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The ERP's receivables snapshot of an account, kept current by the integration routes.
 *
 * @param open the open amount invoiced and not yet paid
 * @param currency ISO 4217 code of {@code open}
 * @param invoiceCount how many posted invoices the snapshot has seen
 * @param lastInvoice the number of the last invoice applied, or null
 * @param updatedAt when the snapshot last changed, or null if it never did
 */
public record Receivables(
    BigDecimal open, String currency, long invoiceCount, String lastInvoice, Instant updatedAt) {

  /** Validates the amount. */
  public Receivables {
    Objects.requireNonNull(open, "open");
  }

  /** The snapshot of an account the ERP has told nothing yet. */
  public static Receivables none() {
    return new Receivables(BigDecimal.ZERO, null, 0, null, null);
  }
}
