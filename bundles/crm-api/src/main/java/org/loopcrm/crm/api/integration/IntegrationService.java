package org.loopcrm.crm.api.integration;

import java.time.Instant;
import java.util.List;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;

/**
 * Operations of the CRM's integration routes: what each route is doing, the messages its
 * dead-letter queue holds, and how to put them through again.
 *
 * <p>Reading is for administrators and the integration role ({@code crm-admin}, {@code
 * crm-integration}); retrying and replaying are for administrators only. Every method throws {@link
 * AccessDeniedException} for anyone else, and {@link IntegrationUnavailableException} when the
 * broker does not answer.
 */
public interface IntegrationService {

  /** Every route of the CRM's CamelContext, by id. */
  List<RouteStatus> routes(Actor actor);

  /**
   * One route.
   *
   * @throws NotFoundException if no route has that id
   */
  RouteStatus route(Actor actor, String routeId);

  /** The dead-letter queues the routes declare (and the broker's own), with their depth. */
  List<DeadLetterQueue> deadLetterQueues(Actor actor);

  /**
   * The oldest {@code limit} messages of a dead-letter queue, without taking them off it.
   *
   * @param limit 1 to {@value #MAX_LIST}
   * @throws NotFoundException if the queue is not one of {@link #deadLetterQueues}
   * @throws ValidationException if the limit is out of range
   */
  List<DeadLetter> deadLetters(Actor actor, String queue, int limit);

  /**
   * Moves one dead letter back to the queue it came from: taken off the dead-letter queue and sent
   * there in one JMS transaction, so it is neither lost nor doubled.
   *
   * @throws NotFoundException if the queue is unknown or holds no message with that id
   * @throws ValidationException if the id is malformed, or nobody knows where the message came from
   */
  RetryResult retry(Actor actor, String queue, String messageId);

  /**
   * Moves every message the dead-letter queue holds now back where it came from, one JMS
   * transaction each; messages that fail again meanwhile stay for the next retry.
   *
   * @throws NotFoundException if the queue is unknown
   */
  RetryResult retryAll(Actor actor, String queue);

  /**
   * Puts a route's messages through again: a poller's streams are rewound to {@code from} (audited
   * like {@code ErpFactService.rewind}), a queue route's dead letters are retried ({@code from}
   * must then be null).
   *
   * @throws NotFoundException if no route has that id
   * @throws ValidationException if the route cannot be replayed, {@code from} is missing for a
   *     poller, given for a queue route, or in the future
   */
  ReplayResult replay(Actor actor, String routeId, Instant from);

  /** Figures of every route and dead-letter queue, taken at one moment. */
  IntegrationMetrics metrics(Actor actor);

  /** The most messages {@link #deadLetters} lists at once. */
  int MAX_LIST = 500;
}
