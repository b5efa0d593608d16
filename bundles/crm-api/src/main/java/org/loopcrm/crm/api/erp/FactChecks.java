package org.loopcrm.crm.api.erp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;

/**
 * Collects the field errors of one canonical fact, so that a malformed message names every bad
 * field at once instead of the first one only.
 */
final class FactChecks {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final List<FieldError> errors = new ArrayList<>();

  FactChecks required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else {
      optional(field, value, max);
    }
    return this;
  }

  FactChecks optional(String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "is longer than " + max + " characters"));
    }
    return this;
  }

  FactChecks present(String field, Object value) {
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
    }
    return this;
  }

  /** Money as the CRM stores it: numeric(19,4). */
  FactChecks amount(String field, BigDecimal value, boolean required) {
    if (value == null) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
    } else if (value.scale() > 4 || value.precision() - value.scale() > 15) {
      errors.add(new FieldError(field, "has more than 15 integer or 4 fraction digits"));
    }
    return this;
  }

  FactChecks positive(String field, BigDecimal value) {
    if (value != null && value.signum() <= 0) {
      errors.add(new FieldError(field, "must be positive"));
    }
    return this;
  }

  FactChecks currency(String field, String value, boolean required) {
    if (value == null && !required) {
      return this;
    }
    if (value == null || !CURRENCY.matcher(value).matches()) {
      errors.add(new FieldError(field, "must be an ISO 4217 code such as EUR"));
    }
    return this;
  }

  void check() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
