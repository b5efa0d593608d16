package org.loopcrm.crm.routes.internal.erp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
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
    List<FieldError> errors = new ArrayList<>();
    String messageId = text(json, "messageId", errors);
    String erpSystem = text(json, "erpSystem", errors);
    String customerRef = text(json, "customerRef", errors);
    String invoiceNumber = text(json, "invoiceNumber", errors);
    BigDecimal amount = amount(json, errors);
    String currency = text(json, "currency", errors);
    Instant postedAt = instant(json, errors);
    try {
      InvoicePosted fact =
          new InvoicePosted(
              messageId, erpSystem, customerRef, invoiceNumber, amount, currency, postedAt);
      if (errors.isEmpty()) {
        return fact;
      }
    } catch (ValidationException e) {
      // Report every field at once: the record's findings for fields whose JSON type was right.
      Set<String> typeErrors = new HashSet<>();
      errors.forEach(error -> typeErrors.add(error.field()));
      e.errors().stream().filter(error -> !typeErrors.contains(error.field())).forEach(errors::add);
    }
    throw new ValidationException(errors);
  }

  private static boolean isOne(Number n) {
    return (n instanceof Integer || n instanceof Long || n instanceof BigInteger)
        && n.longValue() == SCHEMA_VERSION;
  }

  /** A string field; a missing one is left to the record's own "is required" check. */
  private static String text(Map<?, ?> json, String field, List<FieldError> errors) {
    Object value = json.get(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    errors.add(new FieldError(field, "must be a string"));
    return null;
  }

  private static BigDecimal amount(Map<?, ?> json, List<FieldError> errors) {
    Object value = json.get("amount");
    try {
      if (value instanceof BigDecimal decimal) {
        return decimal;
      }
      if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
        return new BigDecimal(value.toString());
      }
      if (value instanceof String s) {
        return new BigDecimal(s.trim());
      }
    } catch (NumberFormatException e) {
      errors.add(new FieldError("amount", "is not a decimal number"));
      return null;
    }
    if (value != null) {
      errors.add(new FieldError("amount", "must be a decimal number or a string holding one"));
    }
    return null;
  }

  private static Instant instant(Map<?, ?> json, List<FieldError> errors) {
    Object value = json.get("postedAt");
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("postedAt", "must be an ISO-8601 instant"));
        return null;
      }
    }
    errors.add(new FieldError("postedAt", "must be an ISO-8601 instant"));
    return null;
  }
}
