package org.loopcrm.crm.api.integration;

import java.util.List;

/**
 * What a retry moved.
 *
 * @param queue the dead-letter queue
 * @param retried the dead-letter message ids moved back, in order
 * @param left messages left on the queue afterwards (counted up to {@link RouteLag#COUNT_LIMIT}),
 *     or null if the broker did not say
 */
public record RetryResult(String queue, List<String> retried, Long left) {

  /** Copies the ids. */
  public RetryResult {
    retried = List.copyOf(retried);
  }
}
