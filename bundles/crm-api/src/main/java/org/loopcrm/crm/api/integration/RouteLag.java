package org.loopcrm.crm.api.integration;

import java.time.Duration;

/**
 * How far a route is behind. A route that consumes a queue has messages waiting; a poller has a
 * watermark, whose age says how old the newest ERP change it read is (it also grows while the ERP
 * is idle). Either part is null where it does not apply or is not known.
 *
 * @param pendingMessages messages waiting in the route's queue, counted up to {@value #COUNT_LIMIT}
 * @param watermarkAge now minus the oldest watermark of the poller's streams
 */
public record RouteLag(Long pendingMessages, Duration watermarkAge) {
  /** Queues are counted up to this many messages. */
  public static final int COUNT_LIMIT = 10_000;

  /** No lag known. */
  public static final RouteLag NONE = new RouteLag(null, null);
}
