package org.loopcrm.crm.routes.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Crm-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over {@code
 * <t>.<body>} with the subscription's secret. The timestamp inside the signed text lets receivers
 * refuse replays of old deliveries.
 */
final class WebhookSignature {
  private WebhookSignature() {}

  /** The header value for a body sent at {@code unixSeconds}. */
  static String header(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
  }

  static String hmacHex(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is a mandatory JCA algorithm; the message never names the key.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
