package org.loopcrm.crm.core.internal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;

/**
 * The position after the last entry of a history page, newest first: its time and sequence number,
 * bound to the scope (record or user) it was made for. URL-safe base64, opaque to callers.
 *
 * @param scope the query scope, see {@link AuditRules#scope}
 * @param at the last entry's time
 * @param sequence the last entry's sequence number, which breaks ties in time
 */
public record AuditCursor(String scope, Instant at, long sequence) {
  private static final String VERSION = "a1";

  /** The cursor's opaque text. */
  public String encode() {
    String raw = VERSION + '\n' + at + '\n' + sequence + '\n' + scope;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor made for {@code expectedScope}, or throws a validation error on cursor. */
  public static AuditCursor decode(String text, String expectedScope) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", 4);
      if (parts.length == 4 && VERSION.equals(parts[0])) {
        if (!parts[3].equals(expectedScope)) {
          throw invalid("was made for another history");
        }
        return new AuditCursor(parts[3], Instant.parse(parts[1]), Long.parseLong(parts[2]));
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // not base64 or not our fields: reported below
    }
    throw invalid("is not a cursor this API returned");
  }

  private static ValidationException invalid(String why) {
    return new ValidationException(List.of(new FieldError("cursor", why)));
  }
}
