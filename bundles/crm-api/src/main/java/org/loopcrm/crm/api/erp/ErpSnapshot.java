package org.loopcrm.crm.api.erp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What the ERP knows of an account's finances, as last told.
 *
 * @param accountId the account
 * @param receivable the open receivable
 * @param overdue the part of it past due, or null if never told
 * @param creditLimit the credit limit, or null for none
 * @param currency the currency of the amounts, or null if the ERP told nothing yet
 * @param invoiceCount posted invoices seen
 * @param lastInvoice the number of the last invoice seen, or null
 * @param paymentCount payments seen
 * @param lastPaymentAt when the last payment was received, or null
 * @param balanceAsOf when the ERP last computed the balance, or null if it never sent one
 * @param documents how many documents of each kind the CRM follows for the account
 */
public record ErpSnapshot(
    UUID accountId,
    BigDecimal receivable,
    BigDecimal overdue,
    BigDecimal creditLimit,
    String currency,
    long invoiceCount,
    String lastInvoice,
    long paymentCount,
    Instant lastPaymentAt,
    Instant balanceAsOf,
    Map<DocumentKind, Long> documents) {

  /** Copies the counts. */
  public ErpSnapshot {
    documents = documents == null ? Map.of() : Map.copyOf(documents);
  }

  /** Whether the open receivable is over the credit limit. */
  public boolean overCreditLimit() {
    return creditLimit != null && receivable.compareTo(creditLimit) > 0;
  }
}
