package org.loopcrm.crm.api.erp;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The canonical "receivable balance" fact: the ERP's own figure of what a customer owes, and its
 * credit limit. It replaces the account's snapshot, correcting any drift that summing invoice and
 * payment facts could accumulate. Version 1 of the message.
 *
 * @param messageId the message's unique id
 * @param erpSystem which ERP sent it
 * @param customerRef the customer's id in that ERP
 * @param receivable the open receivable, all due dates
 * @param overdue the part of it past due, or null if the ERP does not tell
 * @param creditLimit the credit limit, or null for none
 * @param currency ISO 4217 code of the three amounts
 * @param asOf when the ERP computed it; an older balance than the one applied is ignored
 */
public record ReceivableBalance(
    String messageId,
    String erpSystem,
    String customerRef,
    BigDecimal receivable,
    BigDecimal overdue,
    BigDecimal creditLimit,
    String currency,
    Instant asOf)
    implements ErpFact {

  /** Validates the fact; a message that fails is malformed and is never applied. */
  public ReceivableBalance {
    new FactChecks()
        .required("messageId", messageId, 100)
        .required("erpSystem", erpSystem, 40)
        .required("customerRef", customerRef, 64)
        .amount("receivable", receivable, true)
        .amount("overdue", overdue, false)
        .amount("creditLimit", creditLimit, false)
        .currency("currency", currency, true)
        .present("asOf", asOf)
        .check();
  }
}
