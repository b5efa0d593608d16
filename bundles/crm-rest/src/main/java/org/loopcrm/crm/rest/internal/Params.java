package org.loopcrm.crm.rest.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;

/** Query parameters: a value that does not parse is a 422 naming the parameter. */
final class Params {
  private Params() {}

  static ValidationException invalid(String field, String message) {
    return new ValidationException(List.of(new FieldError(field, message)));
  }

  static int integer(String field, String text, int absent) {
    if (text == null) {
      return absent;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw invalid(field, "must be a whole number");
    }
  }

  static boolean bool(String field, String text) {
    if (text == null) {
      return false;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(field, "must be true or false");
    };
  }

  static Instant instant(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw invalid(field, "must be an ISO-8601 instant such as 2025-01-31T12:00:00Z");
    }
  }

  static UUID uuid(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      UUID id = UUID.fromString(text.strip());
      if (id.toString().equalsIgnoreCase(text.strip())) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw invalid(field, "must be a UUID");
  }

  static java.time.LocalDate date(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw invalid(field, "must be an ISO-8601 date such as 2025-01-31");
    }
  }

  static java.math.BigDecimal decimal(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new java.math.BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw invalid(field, "must be a decimal number such as 12.50");
    }
  }
}
