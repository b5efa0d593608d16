package org.loopcrm.crm.rest.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import org.loopcrm.crm.api.integration.DeadLetterQueue;
import org.loopcrm.crm.api.integration.IntegrationMetrics;
import org.loopcrm.crm.api.integration.RouteState;
import org.loopcrm.crm.api.integration.RouteStatus;

/** The integration metrics in Prometheus' text exposition format, version 0.0.4. */
final class PrometheusText {
  static final String MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusText() {}

  static String of(IntegrationMetrics m) {
    StringBuilder b = new StringBuilder();
    header(b, "crm_route_exchanges_total", "counter", "Exchanges a route finished, by result.");
    for (RouteStatus r : m.routes()) {
      b.append("crm_route_exchanges_total{route=\"")
          .append(escape(r.id()))
          .append("\",result=\"completed\"} ")
          .append(r.exchangesCompleted())
          .append('\n');
      b.append("crm_route_exchanges_total{route=\"")
          .append(escape(r.id()))
          .append("\",result=\"failed\"} ")
          .append(r.exchangesFailed())
          .append('\n');
    }
    gauge(
        b,
        m,
        "crm_route_up",
        "1 if the route is started, else 0.",
        r -> r.state() == RouteState.STARTED ? 1L : 0L);
    gauge(
        b,
        m,
        "crm_route_inflight",
        "Exchanges the route is processing now.",
        r -> (long) r.inflight());
    gauge(
        b,
        m,
        "crm_route_last_success_timestamp_seconds",
        "When the route last finished an exchange without an error.",
        r -> epoch(r.lastSuccessAt()));
    gauge(
        b,
        m,
        "crm_route_last_error_timestamp_seconds",
        "When an exchange of the route last failed.",
        r -> epoch(r.lastErrorAt()));
    gauge(
        b,
        m,
        "crm_route_pending_messages",
        "Messages waiting in the route's queue (counted up to 10000).",
        r -> r.lag().pendingMessages());
    gauge(
        b,
        m,
        "crm_route_watermark_age_seconds",
        "Age of the oldest watermark of a poller's ERP streams.",
        r -> r.lag().watermarkAge() == null ? null : r.lag().watermarkAge().getSeconds());
    header(
        b,
        "crm_dead_letter_messages",
        "gauge",
        "Messages on a dead-letter queue (counted up to 10000).");
    for (DeadLetterQueue q : m.deadLetterQueues()) {
      if (q.messages() != null) {
        b.append("crm_dead_letter_messages{queue=\"")
            .append(escape(q.name()))
            .append("\"} ")
            .append(q.messages())
            .append('\n');
      }
    }
    return b.toString();
  }

  private static void gauge(
      StringBuilder b,
      IntegrationMetrics m,
      String name,
      String help,
      Function<RouteStatus, Long> value) {
    header(b, name, "gauge", help);
    for (RouteStatus r : m.routes()) {
      Long v = value.apply(r);
      if (v != null) {
        b.append(name)
            .append("{route=\"")
            .append(escape(r.id()))
            .append("\"} ")
            .append(v)
            .append('\n');
      }
    }
  }

  private static void header(StringBuilder b, String name, String type, String help) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(' ').append(type.toLowerCase(Locale.ROOT)).append('\n');
  }

  private static Long epoch(Instant at) {
    return at == null ? null : at.getEpochSecond();
  }

  /** Label values escape backslash, double quote and line feed. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
