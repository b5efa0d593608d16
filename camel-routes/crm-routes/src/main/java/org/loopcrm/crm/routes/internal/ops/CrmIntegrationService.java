package org.loopcrm.crm.routes.internal.ops;

import static org.loopcrm.crm.api.integration.RouteConventions.BROKER_DEAD_LETTER_QUEUE;
import static org.loopcrm.crm.api.integration.RouteConventions.HEADER_CORRELATION_ID;
import static org.loopcrm.crm.api.integration.RouteConventions.HEADER_FAILED_AT;
import static org.loopcrm.crm.api.integration.RouteConventions.HEADER_FAILURE_COUNT;
import static org.loopcrm.crm.api.integration.RouteConventions.HEADER_ORIGINAL_QUEUE;
import static org.loopcrm.crm.api.integration.RouteConventions.HEADER_REASON;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.EventNotifier;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.StreamPosition;
import org.loopcrm.crm.api.erp.Watermark;
import org.loopcrm.crm.api.integration.DeadLetter;
import org.loopcrm.crm.api.integration.DeadLetterQueue;
import org.loopcrm.crm.api.integration.IntegrationMetrics;
import org.loopcrm.crm.api.integration.IntegrationService;
import org.loopcrm.crm.api.integration.IntegrationUnavailableException;
import org.loopcrm.crm.api.integration.ReplayKind;
import org.loopcrm.crm.api.integration.ReplayResult;
import org.loopcrm.crm.api.integration.RetryResult;
import org.loopcrm.crm.api.integration.RouteLag;
import org.loopcrm.crm.api.integration.RouteState;
import org.loopcrm.crm.api.integration.RouteStatus;
import org.loopcrm.crm.camel.jms.JmsQueueException;
import org.loopcrm.crm.camel.jms.JmsQueues;
import org.loopcrm.crm.camel.jms.QueuedMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operates the routes of the CRM's CamelContext: figures from {@link RouteStatistics}, in-flight
 * exchanges from Camel's inflight repository, lag from queue depths (a bounded browse) and stream
 * watermarks, and dead letters with plain JMS on the {@code jms} component's connection factory.
 * Which queue is whose dead-letter queue, and where its messages go back to, the routes declare as
 * route properties.
 */
@Component(service = IntegrationService.class)
public final class CrmIntegrationService implements IntegrationService {
  private static final Logger LOG = LoggerFactory.getLogger(CrmIntegrationService.class);

  /** Properties a retried message does not take back to its queue. */
  static final Set<String> DROPPED_ON_RETRY =
      Set.of(HEADER_REASON, "_AMQ_ORIG_ADDRESS", "_AMQ_ORIG_QUEUE", "_AMQ_ORIG_ROUTING_TYPE");

  private final CamelContext context;
  private final ErpFactService erpFacts;
  private final Clock clock;

  /** Started by DS once the CRM's CamelContext is registered. */
  @Activate
  public CrmIntegrationService(
      @Reference(target = "(camel.context.name=crm)") CamelContext context,
      @Reference ErpFactService erpFacts) {
    this(context, erpFacts, Clock.systemUTC());
  }

  CrmIntegrationService(CamelContext context, ErpFactService erpFacts, Clock clock) {
    this.context = context;
    this.erpFacts = erpFacts;
    this.clock = clock;
  }

  @Override
  public List<RouteStatus> routes(Actor actor) {
    mayRead(actor);
    return statuses();
  }

  @Override
  public RouteStatus route(Actor actor, String routeId) {
    mayRead(actor);
    return status(find(routeId), streamPositions());
  }

  @Override
  public List<DeadLetterQueue> deadLetterQueues(Actor actor) {
    mayRead(actor);
    return queues();
  }

  @Override
  public List<DeadLetter> deadLetters(Actor actor, String queue, int limit) {
    mayRead(actor);
    if (limit < 1 || limit > MAX_LIST) {
      throw new ValidationException(
          List.of(new FieldError("limit", "must be between 1 and " + MAX_LIST)));
    }
    DeadLetterQueue dlq = queue(queue);
    try {
      return jms().browse(dlq.name(), limit).stream().map(m -> deadLetter(dlq, m)).toList();
    } catch (JmsQueueException e) {
      throw unavailable(e);
    }
  }

  @Override
  public RetryResult retry(Actor actor, String queue, String messageId) {
    mayAdminister(actor);
    if (!JmsQueues.isMessageId(messageId)) {
      throw new ValidationException(
          List.of(new FieldError("messageId", "is not a JMS message id such as ID:1a2b-...")));
    }
    DeadLetterQueue dlq = queue(queue);
    String to;
    try {
      to = jms().move(dlq.name(), messageId, target(dlq), DROPPED_ON_RETRY);
    } catch (JmsQueueException e) {
      throw unavailable(e);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(List.of(new FieldError("messageId", e.getMessage())));
    }
    if (to == null) {
      throw new NotFoundException("dead letter", messageId + " on " + dlq.name());
    }
    LOG.info("{} retried dead letter {} of {} to {}", actor.user(), messageId, dlq.name(), to);
    return new RetryResult(dlq.name(), List.of(messageId), depth(dlq.name()));
  }

  @Override
  public RetryResult retryAll(Actor actor, String queue) {
    mayAdminister(actor);
    return retryAll(actor, queue(queue));
  }

  private RetryResult retryAll(Actor actor, DeadLetterQueue dlq) {
    List<String> moved;
    try {
      moved = jms().moveAll(dlq.name(), RouteLag.COUNT_LIMIT, target(dlq), DROPPED_ON_RETRY);
    } catch (JmsQueueException e) {
      throw unavailable(e);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(List.of(new FieldError("queue", e.getMessage())));
    }
    LOG.info("{} retried {} dead letters of {}", actor.user(), moved.size(), dlq.name());
    return new RetryResult(dlq.name(), moved, depth(dlq.name()));
  }

  @Override
  public ReplayResult replay(Actor actor, String routeId, Instant from) {
    mayAdminister(actor);
    Route route = find(routeId);
    RouteMeta meta = RouteMeta.of(context, route);
    if (!meta.streams().isEmpty()) {
      if (from == null) {
        throw new ValidationException(
            List.of(
                new FieldError("from", "is required: the instant the poller reads again from")));
      }
      if (from.isAfter(clock.instant())) {
        throw new ValidationException(List.of(new FieldError("from", "must not be in the future")));
      }
      List<StreamPosition> rewound = new ArrayList<>();
      for (String stream : meta.streams()) {
        rewound.add(erpFacts.rewind(actor, meta.erpSystem(), stream, new Watermark(from, 0)));
      }
      LOG.info("{} replayed route {} from {}", actor.user(), routeId, from);
      return new ReplayResult(routeId, ReplayKind.REWIND_STREAMS, rewound, null);
    }
    if (meta.deadLetterQueue() != null && meta.retryTo() != null) {
      if (from != null) {
        throw new ValidationException(
            List.of(
                new FieldError(
                    "from",
                    "must be empty: route "
                        + routeId
                        + " consumes a queue, its replay retries its dead letters")));
      }
      RetryResult retried = retryAll(actor, queue(meta.deadLetterQueue()));
      return new ReplayResult(routeId, ReplayKind.RETRY_DEAD_LETTERS, List.of(), retried);
    }
    throw new ValidationException(
        List.of(
            new FieldError(
                "routeId",
                "route "
                    + routeId
                    + " reads no ERP stream and has no dead-letter queue: nothing to replay")));
  }

  @Override
  public IntegrationMetrics metrics(Actor actor) {
    mayRead(actor);
    return new IntegrationMetrics(clock.instant(), statuses(), queues());
  }

  private List<RouteStatus> statuses() {
    List<StreamPosition> positions = streamPositions();
    return context.getRoutes().stream()
        .sorted(Comparator.comparing(Route::getRouteId))
        .map(r -> status(r, positions))
        .toList();
  }

  private RouteStatus status(Route route, List<StreamPosition> positions) {
    String id = route.getRouteId();
    RouteMeta meta = RouteMeta.of(context, route);
    RouteStatistics.Snapshot s = statistics().of(id);
    RouteLag lag = RouteLag.NONE;
    if (meta.lagQueue() != null) {
      lag = new RouteLag(depth(meta.lagQueue()), null);
    } else if (!meta.streams().isEmpty()) {
      lag = new RouteLag(null, watermarkAge(meta, positions));
    }
    ReplayKind replay = null;
    if (!meta.streams().isEmpty()) {
      replay = ReplayKind.REWIND_STREAMS;
    } else if (meta.deadLetterQueue() != null && meta.retryTo() != null) {
      replay = ReplayKind.RETRY_DEAD_LETTERS;
    }
    return new RouteStatus(
        id,
        route.getGroup(),
        route.getDescription() == null
            ? null
            : context.resolvePropertyPlaceholders(route.getDescription()),
        state(context.getRouteController().getRouteStatus(id)),
        s.completed() + s.failed(),
        s.completed(),
        s.failed(),
        context.getInflightRepository().size(id),
        s.lastSuccessAt(),
        s.lastErrorAt(),
        s.lastError(),
        lag,
        meta.deadLetterQueue(),
        replay,
        meta.qualifiedStreams());
  }

  /** The age of the oldest watermark among the poller's streams; null if one never moved. */
  private Duration watermarkAge(RouteMeta meta, List<StreamPosition> positions) {
    Instant oldest = null;
    for (String stream : meta.streams()) {
      StreamPosition p =
          positions.stream()
              .filter(x -> x.erpSystem().equals(meta.erpSystem()) && x.stream().equals(stream))
              .findFirst()
              .orElse(null);
      if (p == null || Watermark.ORIGIN.equals(p.watermark())) {
        return null;
      }
      Instant at = p.watermark().changedAt();
      oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
    }
    if (oldest == null) {
      return null;
    }
    Duration age = Duration.between(oldest, clock.instant());
    return age.isNegative() ? Duration.ZERO : age;
  }

  private List<StreamPosition> streamPositions() {
    try {
      return erpFacts.streams();
    } catch (RuntimeException e) {
      LOG.debug("Stream positions not readable", e);
      return List.of();
    }
  }

  private List<DeadLetterQueue> queues() {
    Map<String, List<String>> routes = new LinkedHashMap<>();
    Map<String, String> retryTo = new LinkedHashMap<>();
    context.getRoutes().stream()
        .sorted(Comparator.comparing(Route::getRouteId))
        .forEach(
            r -> {
              RouteMeta meta = RouteMeta.of(context, r);
              if (meta.deadLetterQueue() != null) {
                routes
                    .computeIfAbsent(meta.deadLetterQueue(), q -> new ArrayList<>())
                    .add(r.getRouteId());
                if (meta.retryTo() != null) {
                  retryTo.putIfAbsent(meta.deadLetterQueue(), meta.retryTo());
                }
              }
            });
    routes.putIfAbsent(BROKER_DEAD_LETTER_QUEUE, List.of());
    List<DeadLetterQueue> queues = new ArrayList<>();
    routes.forEach(
        (name, ids) -> queues.add(new DeadLetterQueue(name, ids, retryTo.get(name), depth(name))));
    return queues;
  }

  private DeadLetterQueue queue(String name) {
    if (name == null || name.isBlank()) {
      throw new ValidationException(List.of(new FieldError("queue", "is required")));
    }
    return queues().stream()
        .filter(q -> q.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("dead-letter queue", name));
  }

  private Route find(String routeId) {
    Route route = routeId == null ? null : context.getRoute(routeId);
    if (route == null) {
      throw new NotFoundException("route", routeId);
    }
    return route;
  }

  private static DeadLetter deadLetter(DeadLetterQueue dlq, QueuedMessage m) {
    Instant failedAt = m.timestamp();
    String failedHeader = m.property(HEADER_FAILED_AT);
    if (failedHeader != null) {
      try {
        failedAt = Instant.ofEpochMilli(Long.parseLong(failedHeader));
      } catch (NumberFormatException e) {
        LOG.debug("{} {} is not epoch milliseconds", HEADER_FAILED_AT, failedHeader);
      }
    }
    int count = 1;
    String countHeader = m.property(HEADER_FAILURE_COUNT);
    if (countHeader != null) {
      try {
        count = Integer.parseInt(countHeader);
      } catch (NumberFormatException e) {
        LOG.debug("{} {} is not a number", HEADER_FAILURE_COUNT, countHeader);
      }
    }
    String correlation = m.property(HEADER_CORRELATION_ID);
    return new DeadLetter(
        m.messageId(),
        dlq.name(),
        origin(dlq, m),
        m.property(HEADER_REASON),
        failedAt,
        count,
        correlation != null ? correlation : m.correlationId(),
        m.bodyPreview());
  }

  /**
   * Where a dead letter goes back to: its own header, else its queue's route, else where the broker
   * took it from (Artemis notes that on the messages it dead-letters itself).
   */
  private static String origin(DeadLetterQueue dlq, QueuedMessage m) {
    String own = m.property(HEADER_ORIGINAL_QUEUE);
    if (own != null && !own.isBlank()) {
      return own;
    }
    if (dlq.retryTo() != null) {
      return dlq.retryTo();
    }
    String address = m.property("_AMQ_ORIG_ADDRESS");
    String queue = m.property("_AMQ_ORIG_QUEUE");
    if (queue == null || queue.isBlank()) {
      return address;
    }
    return address == null || address.equals(queue) ? queue : address + "::" + queue;
  }

  private static Function<QueuedMessage, String> target(DeadLetterQueue dlq) {
    return m -> origin(dlq, m);
  }

  private Long depth(String queue) {
    try {
      return jms().count(queue, RouteLag.COUNT_LIMIT);
    } catch (JmsQueueException | IllegalStateException e) {
      LOG.debug("Depth of {} not readable", queue, e);
      return null;
    }
  }

  private JmsQueues jms() {
    return JmsQueues.of(context);
  }

  private RouteStatistics statistics() {
    for (EventNotifier n : context.getManagementStrategy().getEventNotifiers()) {
      if (n instanceof RouteStatistics s) {
        return s;
      }
    }
    throw new IllegalStateException("the CamelContext has no RouteStatistics");
  }

  private static RouteState state(ServiceStatus status) {
    if (status == null) {
      return RouteState.STOPPED;
    }
    return switch (status) {
      case Started -> RouteState.STARTED;
      case Suspended, Suspending -> RouteState.SUSPENDED;
      case Starting, Initializing, Initialized -> RouteState.STARTING;
      case Stopping -> RouteState.STOPPING;
      case Stopped -> RouteState.STOPPED;
    };
  }

  private static IntegrationUnavailableException unavailable(JmsQueueException e) {
    return new IntegrationUnavailableException("the broker did not answer: " + e.getMessage(), e);
  }

  private static void mayRead(Actor actor) {
    if (!actor.has(Role.CRM_ADMIN) && !actor.has(Role.CRM_INTEGRATION)) {
      throw new AccessDeniedException("only administrators and the integration see the routes");
    }
  }

  private static void mayAdminister(Actor actor) {
    if (!actor.has(Role.CRM_ADMIN)) {
      throw new AccessDeniedException("only administrators retry dead letters and replay routes");
    }
  }
}
