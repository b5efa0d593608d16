package org.loopcrm.crm.api.erp;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The canonical "payment received" fact: a customer paid. Version 1 of the message.
 *
 * @param messageId the message's unique id
 * @param erpSystem which ERP sent it
 * @param customerRef the paying customer's id in that ERP
 * @param paymentRef the payment's id in the ERP (a move line, a receipt)
 * @param invoiceNumber the invoice it pays, or null for an unallocated payment
 * @param amount the amount received, positive
 * @param currency ISO 4217 code
 * @param receivedAt when the ERP recorded it
 */
public record PaymentReceived(
    String messageId,
    String erpSystem,
    String customerRef,
    String paymentRef,
    String invoiceNumber,
    BigDecimal amount,
    String currency,
    Instant receivedAt)
    implements ErpFact {

  /** Validates the fact; a message that fails is malformed and is never applied. */
  public PaymentReceived {
    new FactChecks()
        .required("messageId", messageId, 100)
        .required("erpSystem", erpSystem, 40)
        .required("customerRef", customerRef, 64)
        .required("paymentRef", paymentRef, 64)
        .optional("invoiceNumber", invoiceNumber, 64)
        .amount("amount", amount, true)
        .positive("amount", amount)
        .currency("currency", currency, true)
        .present("receivedAt", receivedAt)
        .check();
  }
}
