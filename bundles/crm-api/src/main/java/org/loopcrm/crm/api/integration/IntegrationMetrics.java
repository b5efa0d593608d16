package org.loopcrm.crm.api.integration;

import java.time.Instant;
import java.util.List;

/**
 * The figures of every route and dead-letter queue at one moment.
 *
 * @param takenAt when they were read
 * @param routes every route
 * @param deadLetterQueues every dead-letter queue
 */
public record IntegrationMetrics(
    Instant takenAt, List<RouteStatus> routes, List<DeadLetterQueue> deadLetterQueues) {

  /** Copies the lists. */
  public IntegrationMetrics {
    routes = List.copyOf(routes);
    deadLetterQueues = List.copyOf(deadLetterQueues);
  }
}
