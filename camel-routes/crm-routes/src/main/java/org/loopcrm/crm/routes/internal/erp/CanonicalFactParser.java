package org.loopcrm.crm.routes.internal.erp;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.erp.DocumentChanged;
import org.loopcrm.crm.api.erp.ErpFact;
import org.loopcrm.crm.api.erp.PartyChanged;
import org.loopcrm.crm.api.erp.PaymentReceived;
import org.loopcrm.crm.api.erp.ReceivableBalance;

/**
 * Turns a canonical ERP message (a JSON object, or a CSV row read as one) into its fact. The
 * message names its kind in {@code type} and its schema in {@code schemaVersion}; the schemas are
 * {@code docs/erp-messages/<type>.v1.json}. A wrong type, version or field type is named in one
 * {@link ValidationException} together with what the fact's own checks find, so the sender learns
 * every problem of a message at once.
 */
final class CanonicalFactParser implements Processor {
  static final int SCHEMA_VERSION = 1;
  static final Set<String> TYPES =
      Set.of(
          "invoice-posted",
          "payment-received",
          "receivable-balance",
          "document-changed",
          "party-changed");

  @Override
  public void process(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    if (!(body instanceof Map<?, ?> json)) {
      throw new RejectedMessageException("malformed JSON: not an object");
    }
    exchange.getMessage().setBody(parse(json));
  }

  static ErpFact parse(Map<?, ?> json) {
    Object type = json.get("type");
    if (!(type instanceof String t) || !TYPES.contains(t)) {
      throw new RejectedMessageException(
          "unknown message type "
              + type
              + " (expected one of "
              + new java.util.TreeSet<>(TYPES)
              + ")");
    }
    if (!isVersionOne(json.get("schemaVersion"))) {
      throw new RejectedMessageException(
          "unsupported schemaVersion "
              + json.get("schemaVersion")
              + " for "
              + t
              + " (expected "
              + SCHEMA_VERSION
              + ")");
    }
    if ("invoice-posted".equals(t)) {
      return InvoicePostedParser.parse(json);
    }
    FactFields f = new FactFields(json);
    return f.build(
        () ->
            switch (t) {
              case "payment-received" ->
                  new PaymentReceived(
                      f.text("messageId"),
                      f.text("erpSystem"),
                      f.text("customerRef"),
                      f.text("paymentRef"),
                      f.text("invoiceNumber"),
                      f.decimal("amount"),
                      f.text("currency"),
                      f.instant("receivedAt"));
              case "receivable-balance" ->
                  new ReceivableBalance(
                      f.text("messageId"),
                      f.text("erpSystem"),
                      f.text("customerRef"),
                      f.decimal("receivable"),
                      f.decimal("overdue"),
                      f.decimal("creditLimit"),
                      f.text("currency"),
                      f.instant("asOf"));
              case "document-changed" ->
                  new DocumentChanged(
                      f.text("messageId"),
                      f.text("erpSystem"),
                      f.text("customerRef"),
                      f.kind("kind"),
                      f.text("documentRef"),
                      f.text("number"),
                      f.text("state"),
                      f.decimal("amount"),
                      f.text("currency"),
                      f.text("crmRef"),
                      f.instant("changedAt"));
              default ->
                  new PartyChanged(
                      f.text("messageId"),
                      f.text("erpSystem"),
                      f.text("customerRef"),
                      f.text("crmId"),
                      f.text("name"),
                      f.text("taxId"),
                      f.text("email"),
                      f.text("phone"),
                      f.addresses("addresses"),
                      f.instant("changedAt"));
            });
  }

  private static boolean isVersionOne(Object v) {
    if (v instanceof String s) {
      return s.trim().equals(String.valueOf(SCHEMA_VERSION));
    }
    return (v instanceof Integer || v instanceof Long || v instanceof BigInteger)
        && ((Number) v).longValue() == SCHEMA_VERSION;
  }
}
