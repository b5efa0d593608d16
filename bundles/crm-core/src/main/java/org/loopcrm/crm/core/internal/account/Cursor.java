package org.loopcrm.crm.core.internal.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.AccountSort;

/**
 * The position after the last item of a page: the sort it belongs to, the last sort key and the
 * last id. Encoded as URL-safe base64 so it is opaque to callers; a cursor from another sort is
 * refused.
 *
 * @param sort the sort the cursor was made for
 * @param key the last item's sort key
 * @param id the last item's id
 */
public record Cursor(AccountSort sort, String key, String id) {
  private static final String VERSION = "c1";

  /** The cursor's opaque text. */
  public String encode() {
    String raw = VERSION + '\n' + sort.token() + '\n' + key + '\n' + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor made for {@code expected}, or throws a validation error on field cursor. */
  public static Cursor decode(String text, AccountSort expected) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", -1);
      if (parts.length == 4 && VERSION.equals(parts[0])) {
        AccountSort sort = AccountSort.fromToken(parts[1]).orElse(null);
        if (sort == expected && !parts[3].isEmpty()) {
          return new Cursor(sort, parts[2], parts[3]);
        }
        if (sort != null && sort != expected) {
          throw invalid("was made for sort " + sort.token() + ", not " + expected.token());
        }
      }
    } catch (IllegalArgumentException e) {
      // not base64: reported below
    }
    throw invalid("is not a cursor this API returned");
  }

  private static ValidationException invalid(String why) {
    return new ValidationException(List.of(new FieldError("cursor", why)));
  }
}
