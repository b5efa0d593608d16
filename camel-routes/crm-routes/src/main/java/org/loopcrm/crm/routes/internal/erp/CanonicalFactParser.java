package org.loopcrm.crm.routes.internal.erp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.erp.DocumentChanged;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.ErpFact;
import org.loopcrm.crm.api.erp.PartyChanged;
import org.loopcrm.crm.api.erp.PaymentReceived;
import org.loopcrm.crm.api.erp.ReceivableBalance;
import org.loopcrm.crm.api.erp.port.PostalAddress;

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
    Fields f = new Fields(json);
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

  /** Reads typed fields; a wrong JSON type is an error of that field and reads as null. */
  private static final class Fields {
    private final Map<?, ?> json;
    private final List<FieldError> errors = new ArrayList<>();

    Fields(Map<?, ?> json) {
      this.json = json;
    }

    <T> T build(Supplier<T> factory) {
      try {
        T fact = factory.get();
        if (errors.isEmpty()) {
          return fact;
        }
      } catch (ValidationException e) {
        Set<String> typed = new HashSet<>();
        errors.forEach(error -> typed.add(error.field()));
        e.errors().stream().filter(error -> !typed.contains(error.field())).forEach(errors::add);
      }
      throw new ValidationException(errors);
    }

    String text(String field) {
      Object value = json.get(field);
      if (value == null || value instanceof String) {
        String s = (String) value;
        // CSV has no null: an empty cell is an absent value.
        return s == null || s.isEmpty() ? null : s;
      }
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }

    BigDecimal decimal(String field) {
      Object value = json.get(field);
      try {
        if (value instanceof BigDecimal d) {
          return d;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
          return new BigDecimal(value.toString());
        }
        if (value instanceof String s) {
          return s.isBlank() ? null : new BigDecimal(s.trim());
        }
      } catch (NumberFormatException e) {
        errors.add(new FieldError(field, "is not a decimal number"));
        return null;
      }
      if (value != null) {
        errors.add(new FieldError(field, "must be a decimal number or a string holding one"));
      }
      return null;
    }

    Instant instant(String field) {
      String s = text(field);
      if (s == null) {
        return null;
      }
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        errors.add(
            new FieldError(field, "must be an ISO-8601 instant such as 2026-11-23T10:15:30Z"));
        return null;
      }
    }

    DocumentKind kind(String field) {
      String s = text(field);
      if (s == null) {
        return null;
      }
      try {
        return DocumentKind.valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError(
                field, "must be one of " + java.util.Arrays.toString(DocumentKind.values())));
        return null;
      }
    }

    List<PostalAddress> addresses(String field) {
      Object value = json.get(field);
      if (value == null) {
        return List.of();
      }
      if (!(value instanceof List<?> list)) {
        errors.add(new FieldError(field, "must be an array of addresses"));
        return List.of();
      }
      List<PostalAddress> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Map<?, ?> a)) {
          errors.add(new FieldError(field + "[" + i + "]", "must be an object"));
          continue;
        }
        out.add(
            new PostalAddress(
                str(a.get("street")),
                str(a.get("postalCode")),
                str(a.get("city")),
                str(a.get("country")),
                Boolean.TRUE.equals(a.get("invoice")),
                Boolean.TRUE.equals(a.get("delivery"))));
      }
      return out;
    }

    private static String str(Object o) {
      return o == null ? null : o.toString();
    }
  }
}
