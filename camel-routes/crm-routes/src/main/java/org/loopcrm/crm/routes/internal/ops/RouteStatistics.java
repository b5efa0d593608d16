package org.loopcrm.crm.routes.internal.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts the exchanges each route finishes, and remembers its last success and last error. Camel's
 * own per-route statistics live in camel-management (JMX), which the crm-camel library does not
 * embed; an event notifier needs nothing but camel-core.
 *
 * <p>An exchange whose error an {@code onException} handled (a message dead-lettered, a failed poll
 * logged) counts as failed: it completed for Camel, but did not do its work.
 */
public final class RouteStatistics extends EventNotifierSupport {
  private final Map<String, Counters> routes = new ConcurrentHashMap<>();
  private final Clock clock;

  /** With the system clock. */
  public RouteStatistics() {
    this(Clock.systemUTC());
  }

  RouteStatistics(Clock clock) {
    this.clock = clock;
    setIgnoreCamelContextEvents(true);
    setIgnoreCamelContextInitEvents(true);
    setIgnoreRouteEvents(true);
    setIgnoreServiceEvents(true);
    setIgnoreStepEvents(true);
    setIgnoreExchangeCreatedEvent(true);
    setIgnoreExchangeSendingEvents(true);
    setIgnoreExchangeSentEvents(true);
    setIgnoreExchangeRedeliveryEvents(true);
    setIgnoreExchangeAsyncProcessingStartedEvents(true);
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    return event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent;
  }

  @Override
  public void notify(CamelEvent event) {
    if (!(event instanceof CamelEvent.ExchangeEvent e)) {
      return;
    }
    Exchange exchange = e.getExchange();
    String routeId = exchange.getFromRouteId();
    if (routeId == null) {
      return;
    }
    Counters c = routes.computeIfAbsent(routeId, id -> new Counters());
    Throwable error = exchange.getException();
    if (error == null) {
      error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
    if (event instanceof ExchangeFailedEvent || error != null) {
      c.failed(clock.instant(), error);
    } else {
      c.completed(clock.instant());
    }
  }

  /** The figures of a route; zeros for a route that finished no exchange yet. */
  public Snapshot of(String routeId) {
    Counters c = routes.get(routeId);
    return c == null ? Snapshot.EMPTY : c.snapshot();
  }

  /** Forgets a removed route's figures. */
  public void forget(String routeId) {
    routes.remove(routeId);
  }

  /** A route's figures at one moment. */
  public record Snapshot(
      long completed, long failed, Instant lastSuccessAt, Instant lastErrorAt, String lastError) {
    static final Snapshot EMPTY = new Snapshot(0, 0, null, null, null);
  }

  private static final class Counters {
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Instant lastSuccessAt;
    private volatile Last lastError;

    void completed(Instant at) {
      completed.incrementAndGet();
      lastSuccessAt = at;
    }

    void failed(Instant at, Throwable error) {
      failed.incrementAndGet();
      lastError = new Last(at, message(error));
    }

    Snapshot snapshot() {
      Last last = lastError;
      return new Snapshot(
          completed.get(),
          failed.get(),
          lastSuccessAt,
          last == null ? null : last.at(),
          last == null ? null : last.message());
    }

    private static String message(Throwable error) {
      if (error == null) {
        return "failed";
      }
      String m = error.getClass().getSimpleName() + ": " + error.getMessage();
      String line = m.lines().findFirst().orElse("").strip();
      return line.length() <= 300 ? line : line.substring(0, 300);
    }

    private record Last(Instant at, String message) {}
  }
}
