package org.loopcrm.crm.routes.internal.erp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.loopcrm.crm.api.erp.InvoicePosted;

/**
 * Turns the parsed canonical JSON (a map) into an {@link InvoicePosted}, checking the schema
 * version and the JSON types; {@link InvoicePosted} then validates the values itself.
 *
 * <p>Version 1 of the message:
 *
 * <pre>{@code
 * {"schemaVersion": 1, "messageId": "...", "erpSystem": "tryton", "customerRef": "C-1",
 *  "invoiceNumber": "INV-1", "amount": 125.50, "currency": "EUR",
 *  "postedAt": "2026-01-31T10:15:30Z"}
 * }</pre>
 *
 * The amount may also be a string ({@code "125.50"}); it is read as a {@link BigDecimal} without
 * going through a double.
 */
final class InvoicePostedParser implements Processor {
  static final int SCHEMA_VERSION = 1;

  @Override
  public void process(Exchange exchange) {
    Object body = exchange.getMessage().getBody();
    if (!(body instanceof Map<?, ?> json)) {
      throw new RejectedMessageException("malformed JSON: not an object");
    }
    exchange.getMessage().setBody(parse(json));
  }

  static InvoicePosted parse(Map<?, ?> json) {
    Object version = json.get("schemaVersion");
    if (!(version instanceof Number n) || !isOne(n)) {
      throw new RejectedMessageException(
          "unsupported schemaVersion " + version + " (expected " + SCHEMA_VERSION + ")");
    }
    FactFields f = new FactFields(json);
    return f.build(
        () ->
            new InvoicePosted(
                f.text("messageId"),
                f.text("erpSystem"),
                f.text("customerRef"),
                f.text("invoiceNumber"),
                f.decimal("amount"),
                f.text("currency"),
                f.instant("postedAt")));
  }

  private static boolean isOne(Number n) {
    return (n instanceof Integer || n instanceof Long || n instanceof BigInteger)
        && n.longValue() == SCHEMA_VERSION;
  }
}
