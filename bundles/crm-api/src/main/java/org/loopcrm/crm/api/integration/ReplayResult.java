package org.loopcrm.crm.api.integration;

import java.util.List;
import org.loopcrm.crm.api.erp.StreamPosition;

/**
 * What a replay did.
 *
 * @param routeId the route
 * @param kind how it was replayed
 * @param streams for {@link ReplayKind#REWIND_STREAMS}: the streams' new positions; else empty
 * @param retried for {@link ReplayKind#RETRY_DEAD_LETTERS}: what was retried; else null
 */
public record ReplayResult(
    String routeId, ReplayKind kind, List<StreamPosition> streams, RetryResult retried) {

  /** Copies the streams. */
  public ReplayResult {
    streams = List.copyOf(streams);
  }
}
