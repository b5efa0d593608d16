package org.loopcrm.crm.core.internal.customfield;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.customfield.CustomField;
import org.loopcrm.crm.api.customfield.CustomFieldDraft;
import org.loopcrm.crm.api.customfield.FieldType;

/**
 * The rules of custom fields, free of persistence: what a definition may say, and how a value sent
 * by a caller becomes the typed value that is stored (or why it cannot).
 */
public final class CustomFieldRules {
  /** A field key: stable, lower case, usable in a query parameter name. */
  public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  /** The longest TEXT value, and the default maximum length. */
  public static final int MAX_TEXT = 1000;

  /** At most this many options per ENUM field. */
  public static final int MAX_OPTIONS = 100;

  /** Digits before the decimal point of a NUMBER (decimal(30,10) holds 20). */
  private static final int NUMBER_INTEGER_DIGITS = 20;

  /** Digits after the decimal point of a NUMBER. */
  public static final int NUMBER_SCALE = 10;

  private CustomFieldRules() {}

  /** The name of a value in errors and audit entries. */
  public static String fieldName(String key) {
    return "customFields." + key;
  }

  /** The trimmed draft if it is a sound definition, else a validation error per fault. */
  public static CustomFieldDraft validDraft(CustomFieldDraft draft) {
    if (draft == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    String key = draft.key() == null ? null : draft.key().strip();
    String label = draft.label() == null ? null : draft.label().strip();
    if (draft.target() == null) {
      errors.add(new FieldError("target", "is required (ACCOUNT or CONTACT)"));
    }
    if (key == null || !KEY.matcher(key).matches()) {
      errors.add(
          new FieldError(
              "key", "must be 1 to 40 lower-case letters, digits or _, starting with a letter"));
    }
    if (label == null || label.isEmpty()) {
      errors.add(new FieldError("label", "must not be blank"));
    } else if (label.length() > 100) {
      errors.add(new FieldError("label", "must be at most 100 characters"));
    }
    FieldType type = draft.type();
    List<String> options = List.of();
    if (type == null) {
      errors.add(
          new FieldError("type", "is required (TEXT, NUMBER, INTEGER, DATE, BOOLEAN or ENUM)"));
    } else {
      if (draft.maxLength() != null) {
        if (type != FieldType.TEXT) {
          errors.add(new FieldError("maxLength", "applies to TEXT fields only"));
        } else if (draft.maxLength() < 1 || draft.maxLength() > MAX_TEXT) {
          errors.add(new FieldError("maxLength", "must be between 1 and " + MAX_TEXT));
        }
      }
      boolean numeric = type == FieldType.NUMBER || type == FieldType.INTEGER;
      checkBound(errors, "min", draft.min(), numeric, type);
      checkBound(errors, "max", draft.max(), numeric, type);
      if (draft.min() != null
          && draft.max() != null
          && numeric
          && draft.min().compareTo(draft.max()) > 0) {
        errors.add(new FieldError("min", "must not be greater than max"));
      }
      if ((draft.minDate() != null || draft.maxDate() != null) && type != FieldType.DATE) {
        errors.add(
            new FieldError(
                draft.minDate() != null ? "minDate" : "maxDate", "applies to DATE fields only"));
      }
      if (draft.minDate() != null
          && draft.maxDate() != null
          && draft.minDate().isAfter(draft.maxDate())) {
        errors.add(new FieldError("minDate", "must not be after maxDate"));
      }
      if (type == FieldType.ENUM) {
        options = validOptions(errors, draft.options());
      } else if (draft.options() != null && !draft.options().isEmpty()) {
        errors.add(new FieldError("options", "applies to ENUM fields only"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new CustomFieldDraft(
        draft.target(),
        key,
        label,
        type,
        draft.required(),
        type == FieldType.TEXT && draft.maxLength() == null
            ? Integer.valueOf(MAX_TEXT)
            : draft.maxLength(),
        draft.min() == null ? null : canonical(draft.min()),
        draft.max() == null ? null : canonical(draft.max()),
        draft.minDate(),
        draft.maxDate(),
        options);
  }

  private static void checkBound(
      List<FieldError> errors, String name, BigDecimal bound, boolean numeric, FieldType type) {
    if (bound == null) {
      return;
    }
    if (!numeric) {
      errors.add(new FieldError(name, "applies to NUMBER and INTEGER fields only"));
    } else if (type == FieldType.INTEGER && !isWhole(bound)) {
      errors.add(new FieldError(name, "must be a whole number for an INTEGER field"));
    } else if (!fitsNumber(bound)) {
      errors.add(
          new FieldError(
              name,
              "must have at most "
                  + NUMBER_INTEGER_DIGITS
                  + " digits before and "
                  + NUMBER_SCALE
                  + " after the point"));
    }
  }

  private static List<String> validOptions(List<FieldError> errors, List<String> raw) {
    if (raw == null || raw.isEmpty()) {
      errors.add(new FieldError("options", "an ENUM field needs at least one option"));
      return List.of();
    }
    if (raw.size() > MAX_OPTIONS) {
      errors.add(new FieldError("options", "must be at most " + MAX_OPTIONS + " options"));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String o : raw) {
      String t = o == null ? "" : o.strip();
      if (t.isEmpty() || t.length() > 100 || t.chars().anyMatch(Character::isISOControl)) {
        errors.add(
            new FieldError("options", "each option must be 1 to 100 characters, no line breaks"));
        return List.of();
      }
      if (!seen.add(t)) {
        errors.add(new FieldError("options", "option '" + t + "' is listed twice"));
        return List.of();
      }
      out.add(t);
    }
    return List.copyOf(out);
  }

  /**
   * The typed value of {@code raw} for the field, or null when raw is null or blank text (which
   * clears the value).
   *
   * @throws ValidationException naming {@code customFields.<key>} when the value does not fit
   */
  public static Object typed(CustomField field, Object raw) {
    String name = fieldName(field.key());
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    Object value =
        switch (field.type()) {
          case TEXT -> text(name, raw);
          case ENUM -> text(name, raw);
          case NUMBER -> number(name, raw);
          case INTEGER -> integer(name, raw);
          case DATE -> date(name, raw);
          case BOOLEAN -> bool(name, raw);
        };
    String fault = violation(field, value);
    if (fault != null) {
      throw error(name, fault);
    }
    return value;
  }

  /** What is wrong with a typed value under the field's constraints, or null if it fits. */
  public static String violation(CustomField field, Object value) {
    switch (field.type()) {
      case TEXT -> {
        int max = field.maxLength() == null ? MAX_TEXT : field.maxLength();
        if (((String) value).length() > max) {
          return "must be at most " + max + " characters";
        }
      }
      case ENUM -> {
        if (!field.options().contains((String) value)) {
          return "must be one of " + String.join(", ", field.options());
        }
      }
      case NUMBER, INTEGER -> {
        BigDecimal d = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
        if (field.min() != null && d.compareTo(field.min()) < 0) {
          return "must be at least " + field.min().toPlainString();
        }
        if (field.max() != null && d.compareTo(field.max()) > 0) {
          return "must be at most " + field.max().toPlainString();
        }
      }
      case DATE -> {
        LocalDate d = (LocalDate) value;
        if (field.minDate() != null && d.isBefore(field.minDate())) {
          return "must be on or after " + field.minDate();
        }
        if (field.maxDate() != null && d.isAfter(field.maxDate())) {
          return "must be on or before " + field.maxDate();
        }
      }
      case BOOLEAN -> {
        // no constraints
      }
    }
    return null;
  }

  /**
   * The typed value of a filter's text for the field (numbers, ISO dates, true/false).
   *
   * @throws ValidationException naming the parameter when it does not parse
   */
  public static Object filterValue(String param, FieldType type, String text) {
    if (text == null || text.isBlank()) {
      throw error(param, "needs a value");
    }
    String t = text.strip();
    return switch (type) {
      case TEXT, ENUM -> t;
      case NUMBER -> number(param, t);
      case INTEGER -> integer(param, t);
      case DATE -> date(param, t);
      case BOOLEAN -> bool(param, t);
    };
  }

  /** The canonical form of a decimal: no trailing zeros, never in exponent notation. */
  public static BigDecimal canonical(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private static String text(String name, Object raw) {
    if (!(raw instanceof String s)) {
      throw error(name, "must be text");
    }
    String t = s.strip();
    if (t.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      throw error(name, "must not contain control characters");
    }
    return t;
  }

  private static BigDecimal number(String name, Object raw) {
    BigDecimal d;
    if (raw instanceof BigDecimal b) {
      d = b;
    } else if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
      d = new BigDecimal(raw.toString());
    } else if (raw instanceof Double || raw instanceof Float) {
      d = new BigDecimal(raw.toString());
    } else if (raw instanceof String s) {
      try {
        d = new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        throw error(name, "must be a number such as 1250.50");
      }
    } else {
      throw error(name, "must be a number");
    }
    d = canonical(d);
    if (!fitsNumber(d)) {
      throw error(
          name,
          "must have at most "
              + NUMBER_INTEGER_DIGITS
              + " digits before and "
              + NUMBER_SCALE
              + " after the point");
    }
    return d;
  }

  private static boolean fitsNumber(BigDecimal d) {
    BigDecimal c = canonical(d);
    return c.scale() <= NUMBER_SCALE && c.precision() - c.scale() <= NUMBER_INTEGER_DIGITS;
  }

  private static boolean isWhole(BigDecimal d) {
    return canonical(d).scale() == 0;
  }

  private static Long integer(String name, Object raw) {
    BigDecimal d;
    if (raw instanceof Integer i) {
      return i.longValue();
    } else if (raw instanceof Long l) {
      return l;
    } else if (raw instanceof BigInteger || raw instanceof BigDecimal) {
      d = new BigDecimal(raw.toString());
    } else if (raw instanceof String s) {
      try {
        d = new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        throw error(name, "must be a whole number");
      }
    } else {
      throw error(name, "must be a whole number");
    }
    try {
      return canonical(d).longValueExact();
    } catch (ArithmeticException e) {
      throw error(name, "must be a whole number between -2^63 and 2^63-1");
    }
  }

  private static LocalDate date(String name, Object raw) {
    if (raw instanceof LocalDate d) {
      return d;
    }
    if (raw instanceof String s) {
      try {
        return LocalDate.parse(s.strip());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw error(name, "must be an ISO-8601 date such as 2026-01-31");
  }

  private static Boolean bool(String name, Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof String s) {
      switch (s.strip().toLowerCase(Locale.ROOT)) {
        case "true":
          return Boolean.TRUE;
        case "false":
          return Boolean.FALSE;
        default:
          break;
      }
    }
    throw error(name, "must be true or false");
  }

  private static ValidationException error(String field, String message) {
    return new ValidationException(List.of(new FieldError(field, message)));
  }
}
