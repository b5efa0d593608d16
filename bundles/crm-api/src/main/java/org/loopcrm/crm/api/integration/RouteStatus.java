package org.loopcrm.crm.api.integration;

import java.time.Instant;
import java.util.List;

/**
 * A route as operations see it. The counters start at zero with the CamelContext.
 *
 * @param id the route's stable id
 * @param group the route's group (e.g. {@code erp}, {@code outbox}), or null
 * @param description what the route does, or null
 * @param state where it is in its lifecycle
 * @param exchangesTotal exchanges finished (completed plus failed)
 * @param exchangesCompleted exchanges finished without an error
 * @param exchangesFailed exchanges that failed, including those dead-lettered
 * @param inflight exchanges being processed now
 * @param lastSuccessAt when an exchange last completed without an error, or null
 * @param lastErrorAt when an exchange last failed, or null
 * @param lastError the last failure's message, or null
 * @param lag how far the route is behind
 * @param deadLetterQueue the queue its failed messages go to, or null
 * @param replay how it can be replayed, or null if it cannot
 * @param streams the ERP streams a poller reads, as {@code system/stream}; empty otherwise
 */
public record RouteStatus(
    String id,
    String group,
    String description,
    RouteState state,
    long exchangesTotal,
    long exchangesCompleted,
    long exchangesFailed,
    int inflight,
    Instant lastSuccessAt,
    Instant lastErrorAt,
    String lastError,
    RouteLag lag,
    String deadLetterQueue,
    ReplayKind replay,
    List<String> streams) {

  /** Copies the streams. */
  public RouteStatus {
    streams = List.copyOf(streams);
  }
}
