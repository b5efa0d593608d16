package org.loopcrm.crm.core.internal.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.privacy.ConsentDraft;

/** What a valid consent decision is, what erased data reads as, and erasure-list cursors. */
public final class PrivacyRules {
  /** The last name an erased person keeps (the column is required). */
  public static final String ERASED_NAME = "Erased";

  /** What an erased value reads as wherever a trace of it is kept (audit, consent evidence). */
  public static final String ERASED_VALUE = "(erased)";

  /** The person's fields that hold personal data, named as the API (and the audit) names them. */
  public static final List<String> PERSONAL_FIELDS =
      List.of("firstName", "lastName", "email", "phone", "title");

  /** The largest page of erasure requests. */
  public static final int MAX_LIMIT = 200;

  static final int MAX_SOURCE = 100;
  static final int MAX_EVIDENCE = 1000;
  private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9_-]{1,39}");
  private static final String CURSOR_PREFIX = "erasure:";

  private PrivacyRules() {}

  /** The draft with its texts trimmed, or every field error at once. */
  public static ConsentDraft valid(ConsentDraft d) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    String purpose = d.purpose() == null ? null : d.purpose().strip();
    purposeError(purpose).ifPresent(errors::add);
    if (d.channel() == null) {
      errors.add(new FieldError("channel", "is required"));
    }
    if (d.status() == null) {
      errors.add(new FieldError("status", "is required"));
    }
    String source = d.source() == null ? null : d.source().strip();
    if (source == null || source.isEmpty()) {
      errors.add(new FieldError("source", "is required"));
    } else if (source.length() > MAX_SOURCE) {
      errors.add(new FieldError("source", "is longer than " + MAX_SOURCE + " characters"));
    }
    String evidence = d.evidence() == null || d.evidence().isBlank() ? null : d.evidence().strip();
    if (evidence != null && evidence.length() > MAX_EVIDENCE) {
      errors.add(new FieldError("evidence", "is longer than " + MAX_EVIDENCE + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new ConsentDraft(purpose, d.channel(), d.status(), source, evidence);
  }

  /** The purpose, checked: a lowercase token such as {@code newsletter}. */
  public static String validPurpose(String purpose) {
    String p = purpose == null ? null : purpose.strip();
    purposeError(p)
        .ifPresent(
            e -> {
              throw new ValidationException(List.of(e));
            });
    return p;
  }

  private static java.util.Optional<FieldError> purposeError(String purpose) {
    if (purpose == null || purpose.isEmpty()) {
      return java.util.Optional.of(new FieldError("purpose", "is required"));
    }
    if (!PURPOSE.matcher(purpose).matches()) {
      return java.util.Optional.of(
          new FieldError(
              "purpose",
              "must be a lowercase token of 2 to 40 letters, digits, - or _, starting with a"
                  + " letter, e.g. newsletter"));
    }
    return java.util.Optional.empty();
  }

  /** Checks a page size. */
  public static void validLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
    }
  }

  /** The cursor after the request with this sequence number. */
  public static String cursor(long sequence) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_PREFIX + sequence).getBytes(StandardCharsets.UTF_8));
  }

  /** The sequence number a cursor of {@link #cursor} holds. */
  public static long sequence(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(CURSOR_PREFIX)) {
        return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new ValidationException(
        List.of(new FieldError("cursor", "is not a cursor this API returned")));
  }
}
