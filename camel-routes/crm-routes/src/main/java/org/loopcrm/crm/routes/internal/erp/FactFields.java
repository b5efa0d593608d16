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
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.port.PostalAddress;

/**
 * Reads the typed fields of a canonical message (a JSON object, or a CSV row read as one). A wrong
 * JSON type is an error of that field and reads as null; {@link #build} then reports those errors
 * together with what the fact's own checks find about the other fields.
 */
final class FactFields {
  private final Map<?, ?> json;
  private final List<FieldError> errors = new ArrayList<>();

  FactFields(Map<?, ?> json) {
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
      errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-23T10:15:30Z"));
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
