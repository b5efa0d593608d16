package org.loopcrm.crm.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets per key (form and client address), in memory: each node limits on its own, so
 * behind a load balancer of n nodes a client may get up to n times the rate. A bucket holds {@code
 * ratePerMinute} tokens and refills continuously; the least recently used buckets are forgotten
 * beyond {@value #MAX_KEYS} keys.
 */
final class RateLimiter {
  static final int MAX_KEYS = 10_000;
  private final LongSupplier nanos;
  private final Map<String, double[]> buckets =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
          return size() > MAX_KEYS;
        }
      };

  RateLimiter(LongSupplier nanos) {
    this.nanos = nanos;
  }

  /**
   * Takes a token for the key; returns 0 when one was taken, else the seconds until one is there.
   */
  synchronized long acquire(String key, int ratePerMinute) {
    long now = nanos.getAsLong();
    double perNano = ratePerMinute / 60e9;
    double[] b = buckets.computeIfAbsent(key, k -> new double[] {ratePerMinute, now});
    b[0] = Math.min(ratePerMinute, b[0] + (now - b[1]) * perNano);
    b[1] = now;
    if (b[0] >= 1) {
      b[0] -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - b[0]) / perNano / 1e9));
  }
}
