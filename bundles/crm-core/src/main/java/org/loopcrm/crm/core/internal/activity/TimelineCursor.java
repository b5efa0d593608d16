package org.loopcrm.crm.core.internal.activity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;

/**
 * The position after the last item of a page ordered newest first by (time desc, source desc,
 * sequence desc), bound to the query it was made for. Sources are fixed lowercase names and
 * sequences are numbers, so the order is the same in Java and in every database, whatever its
 * collation. URL-safe base64, opaque to callers.
 *
 * @param scope the query the cursor belongs to
 * @param at the last item's time
 * @param source the last item's source
 * @param sequence the last item's sequence number within its source
 */
public record TimelineCursor(String scope, Instant at, String source, long sequence) {
  private static final String VERSION = "t1";

  /** The cursor's opaque text. */
  public String encode() {
    String raw = VERSION + '\n' + at + '\n' + source + '\n' + sequence + '\n' + scope;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor made for {@code expectedScope}, or throws a validation error on cursor. */
  public static TimelineCursor decode(String text, String expectedScope) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", 5);
      if (parts.length == 5 && VERSION.equals(parts[0])) {
        if (!parts[4].equals(expectedScope)) {
          throw invalid("was made for another query");
        }
        return new TimelineCursor(
            parts[4], Instant.parse(parts[1]), parts[2], Long.parseLong(parts[3]));
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // not base64 or not our fields: reported below
    }
    throw invalid("is not a cursor this API returned");
  }

  /**
   * Whether an item comes after this cursor in the order (time desc, source desc, sequence desc).
   */
  public boolean before(Instant itemAt, String itemSource, long itemSequence) {
    int c = itemAt.compareTo(at);
    if (c != 0) {
      return c < 0;
    }
    c = itemSource.compareTo(source);
    if (c != 0) {
      return c < 0;
    }
    return itemSequence < sequence;
  }

  /**
   * A JPQL condition keeping the rows of {@code source} that come after this cursor, on the given
   * time and sequence expressions, with parameters {@code :curAt} and {@code :curSeq}; null when
   * the source needs no sequence parameter (then only {@code :curAt} is used).
   */
  public String condition(String itemSource, String atExpr, String seqExpr) {
    int c = itemSource.compareTo(source);
    if (c < 0) {
      return atExpr + " <= :curAt";
    }
    if (c > 0) {
      return atExpr + " < :curAt";
    }
    return "(" + atExpr + " < :curAt or (" + atExpr + " = :curAt and " + seqExpr + " < :curSeq))";
  }

  /** Whether {@link #condition} uses {@code :curSeq} for this source. */
  public boolean usesSequence(String itemSource) {
    return itemSource.equals(source);
  }

  private static ValidationException invalid(String why) {
    return new ValidationException(List.of(new FieldError("cursor", why)));
  }
}
