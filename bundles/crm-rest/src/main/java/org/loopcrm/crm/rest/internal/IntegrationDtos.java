package org.loopcrm.crm.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.loopcrm.crm.api.integration.DeadLetter;
import org.loopcrm.crm.api.integration.DeadLetterQueue;
import org.loopcrm.crm.api.integration.IntegrationMetrics;
import org.loopcrm.crm.api.integration.ReplayKind;
import org.loopcrm.crm.api.integration.ReplayResult;
import org.loopcrm.crm.api.integration.RetryResult;
import org.loopcrm.crm.api.integration.RouteState;
import org.loopcrm.crm.api.integration.RouteStatus;
import org.loopcrm.crm.rest.internal.ErpDtos.StreamView;

/** JSON forms of the routes, dead letters, retries, replays and metrics. */
final class IntegrationDtos {
  private IntegrationDtos() {}

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.getSeconds();
  }

  /** A route's state and figures. */
  record RouteView(
      String id,
      String group,
      String description,
      RouteState state,
      long exchangesTotal,
      long exchangesCompleted,
      long exchangesFailed,
      int inflight,
      String lastSuccessAt,
      String lastErrorAt,
      String lastError,
      Long pendingMessages,
      Long watermarkAgeSeconds,
      String deadLetterQueue,
      ReplayKind replay,
      List<String> streams) {
    static RouteView of(RouteStatus r) {
      return new RouteView(
          r.id(),
          r.group(),
          r.description(),
          r.state(),
          r.exchangesTotal(),
          r.exchangesCompleted(),
          r.exchangesFailed(),
          r.inflight(),
          text(r.lastSuccessAt()),
          text(r.lastErrorAt()),
          r.lastError(),
          r.lag().pendingMessages(),
          seconds(r.lag().watermarkAge()),
          r.deadLetterQueue(),
          r.replay(),
          r.streams());
    }
  }

  /** Every route. */
  record RouteList(List<RouteView> routes) {}

  /** A dead-letter queue. */
  record QueueView(String name, List<String> routes, String retryTo, Long messages) {
    static QueueView of(DeadLetterQueue q) {
      return new QueueView(q.name(), q.routes(), q.retryTo(), q.messages());
    }
  }

  /** Every dead-letter queue. */
  record QueueList(List<QueueView> queues) {}

  /** A dead letter. */
  record DeadLetterView(
      String messageId,
      String originalQueue,
      String reason,
      String failedAt,
      int deliveryCount,
      String correlationId,
      String bodyPreview) {
    static DeadLetterView of(DeadLetter d) {
      return new DeadLetterView(
          d.messageId(),
          d.originalQueue(),
          d.reason(),
          text(d.failedAt()),
          d.deliveryCount(),
          d.correlationId(),
          d.bodyPreview());
    }
  }

  /** The messages of a dead-letter queue. */
  record DeadLetterList(String queue, List<DeadLetterView> messages) {}

  /** What to retry: one message, or all. */
  record RetryBody(String messageId, Boolean all) {}

  /** What a retry moved. */
  record RetryView(String queue, List<String> retried, Long left) {
    static RetryView of(RetryResult r) {
      return r == null ? null : new RetryView(r.queue(), r.retried(), r.left());
    }
  }

  /** Where a poller reads again from; empty for a queue route. */
  record ReplayBody(String from) {}

  /** What a replay did. */
  record ReplayView(String routeId, ReplayKind kind, List<StreamView> streams, RetryView retried) {
    static ReplayView of(ReplayResult r) {
      return new ReplayView(
          r.routeId(),
          r.kind(),
          r.streams().stream().map(StreamView::of).toList(),
          RetryView.of(r.retried()));
    }
  }

  /** Every route's and dead-letter queue's figures at one moment. */
  record MetricsView(String takenAt, List<RouteView> routes, List<QueueView> deadLetterQueues) {
    static MetricsView of(IntegrationMetrics m) {
      return new MetricsView(
          text(m.takenAt()),
          m.routes().stream().map(RouteView::of).toList(),
          m.deadLetterQueues().stream().map(QueueView::of).toList());
    }
  }
}
