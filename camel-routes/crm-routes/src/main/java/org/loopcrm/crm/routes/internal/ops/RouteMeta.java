package org.loopcrm.crm.routes.internal.ops;

import static org.loopcrm.crm.api.integration.RouteConventions.DEAD_LETTER_QUEUE;
import static org.loopcrm.crm.api.integration.RouteConventions.ERP_STREAMS;
import static org.loopcrm.crm.api.integration.RouteConventions.LAG_QUEUE;
import static org.loopcrm.crm.api.integration.RouteConventions.RETRY_TO;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * What a route declares for operations through its route properties (see {@link
 * org.loopcrm.crm.api.integration.RouteConventions}), placeholders resolved.
 *
 * @param deadLetterQueue where its failed messages go, or null
 * @param retryTo where they go back to, or null
 * @param lagQueue the queue whose depth is its lag, or null
 * @param erpSystem the ERP a poller reads, or null
 * @param streams the streams of that ERP it reads; empty for other routes
 */
record RouteMeta(
    String deadLetterQueue,
    String retryTo,
    String lagQueue,
    String erpSystem,
    List<String> streams) {

  static RouteMeta of(CamelContext context, Route route) {
    String dlq = property(context, route, DEAD_LETTER_QUEUE);
    String retryTo = property(context, route, RETRY_TO);
    String lag = property(context, route, LAG_QUEUE);
    String streams = property(context, route, ERP_STREAMS);
    String system = null;
    List<String> names = new ArrayList<>();
    if (streams != null) {
      int colon = streams.indexOf(':');
      if (colon > 0) {
        system = streams.substring(0, colon).strip();
        for (String s : streams.substring(colon + 1).split(",")) {
          if (!s.isBlank()) {
            names.add(s.strip());
          }
        }
      }
    }
    return new RouteMeta(dlq, retryTo, lag, system, List.copyOf(names));
  }

  /** The streams as {@code system/stream}. */
  List<String> qualifiedStreams() {
    return streams.stream().map(s -> erpSystem + "/" + s).toList();
  }

  private static String property(CamelContext context, Route route, String key) {
    Object value = route.getProperties().get(key);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return context.resolvePropertyPlaceholders(value.toString()).strip();
  }
}
