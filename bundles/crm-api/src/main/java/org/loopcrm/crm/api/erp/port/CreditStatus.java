package org.loopcrm.crm.api.erp.port;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's standing in the ERP's books, read live.
 *
 * @param erpRef the party
 * @param receivable the open receivable
 * @param overdue the part past due, or null if the ERP does not tell
 * @param creditLimit the credit limit, or null for none
 * @param currency ISO 4217 code of the amounts
 * @param asOf when it was read
 */
public record CreditStatus(
    String erpRef,
    BigDecimal receivable,
    BigDecimal overdue,
    BigDecimal creditLimit,
    String currency,
    Instant asOf) {

  /** Whether an order of {@code amount} more would go over the credit limit. */
  public boolean allows(BigDecimal amount) {
    return creditLimit == null || receivable.add(amount).compareTo(creditLimit) <= 0;
  }
}
