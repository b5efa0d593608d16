package org.loopcrm.crm.api.integration;

import java.util.List;

/**
 * A dead-letter queue and the routes that fill it.
 *
 * @param name the queue
 * @param routes the ids of the routes that dead-letter into it (empty for the broker's own)
 * @param retryTo where its messages go back to unless a message says otherwise, or null
 * @param messages the messages it holds, counted up to {@link RouteLag#COUNT_LIMIT}; null if the
 *     broker did not say
 */
public record DeadLetterQueue(String name, List<String> routes, String retryTo, Long messages) {

  /** Copies the routes. */
  public DeadLetterQueue {
    routes = List.copyOf(routes);
  }
}
