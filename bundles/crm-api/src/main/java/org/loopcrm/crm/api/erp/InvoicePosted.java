package org.loopcrm.crm.api.erp;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The canonical "invoice posted" fact: the ERP posted a customer invoice. Version 1 of the message.
 *
 * @param messageId the message's unique id; a fact with an id already applied has no second effect
 * @param erpSystem which ERP sent it, e.g. {@code tryton}
 * @param customerRef the customer's id in that ERP (an account's ERP reference)
 * @param invoiceNumber the invoice's number in the ERP
 * @param amount the invoice's total, positive for an invoice, negative for a credit note
 * @param currency ISO 4217 code
 * @param postedAt when the ERP posted it
 */
public record InvoicePosted(
    String messageId,
    String erpSystem,
    String customerRef,
    String invoiceNumber,
    BigDecimal amount,
    String currency,
    Instant postedAt)
    implements ErpFact {

  /** Validates the fact; a message that fails is malformed and is never applied. */
  public InvoicePosted {
    new FactChecks()
        .required("messageId", messageId, 100)
        .required("erpSystem", erpSystem, 40)
        .required("customerRef", customerRef, 64)
        .required("invoiceNumber", invoiceNumber, 64)
        .amount("amount", amount, true)
        .currency("currency", currency, true)
        .present("postedAt", postedAt)
        .check();
  }
}
