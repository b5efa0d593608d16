package org.loopcrm.crm.core.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;

/**
 * The position after the last delivery of a page, newest first: its sequence number, bound to the
 * subscription it was made for. URL-safe base64, opaque to callers.
 *
 * @param subscriptionId the subscription whose deliveries are paged
 * @param sequence the last delivery's sequence number
 */
public record DeliveryCursor(UUID subscriptionId, long sequence) {
  private static final String VERSION = "w1";

  /** The cursor's opaque text. */
  public String encode() {
    String raw = VERSION + '\n' + subscriptionId + '\n' + sequence;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor made for {@code subscriptionId}, or throws a validation error on cursor. */
  public static DeliveryCursor decode(String text, UUID subscriptionId) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", -1);
      if (parts.length == 3 && VERSION.equals(parts[0])) {
        if (!parts[1].equals(subscriptionId.toString())) {
          throw invalid("was made for another subscription");
        }
        return new DeliveryCursor(subscriptionId, Long.parseLong(parts[2]));
      }
    } catch (IllegalArgumentException e) {
      // not base64 or not a number: reported below
    }
    throw invalid("is not a cursor this API returned");
  }

  private static ValidationException invalid(String why) {
    return new ValidationException(List.of(new FieldError("cursor", why)));
  }
}
