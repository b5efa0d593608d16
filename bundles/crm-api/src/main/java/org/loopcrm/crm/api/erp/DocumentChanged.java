package org.loopcrm.crm.api.erp;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The canonical "document changed" fact: an ERP document of a customer (a sale, shipment,
 * production, project) was created or changed state. The CRM keeps the latest state per document
 * and puts each change on the account's timeline. Version 1 of the message.
 *
 * @param messageId the message's unique id
 * @param erpSystem which ERP sent it
 * @param customerRef the customer's id in that ERP
 * @param kind the document's kind
 * @param documentRef the document's id in the ERP, unique per system and kind
 * @param number the document's human number, or null if it has none yet
 * @param state the ERP's state name, e.g. {@code confirmed}, {@code done}, {@code cancelled}
 * @param amount the document's total, or null when it has none (production, project)
 * @param currency ISO 4217 code of {@code amount}, or null
 * @param crmRef the CRM record that caused the document (a quote or opportunity id), or null
 * @param changedAt when the ERP changed it; a change older than the state held is ignored
 */
public record DocumentChanged(
    String messageId,
    String erpSystem,
    String customerRef,
    DocumentKind kind,
    String documentRef,
    String number,
    String state,
    BigDecimal amount,
    String currency,
    String crmRef,
    Instant changedAt)
    implements ErpFact {

  /** Validates the fact; a message that fails is malformed and is never applied. */
  public DocumentChanged {
    new FactChecks()
        .required("messageId", messageId, 100)
        .required("erpSystem", erpSystem, 40)
        .required("customerRef", customerRef, 64)
        .present("kind", kind)
        .required("documentRef", documentRef, 64)
        .optional("number", number, 64)
        .required("state", state, 40)
        .amount("amount", amount, false)
        .currency("currency", currency, amount != null)
        .optional("crmRef", crmRef, 100)
        .present("changedAt", changedAt)
        .check();
  }
}
