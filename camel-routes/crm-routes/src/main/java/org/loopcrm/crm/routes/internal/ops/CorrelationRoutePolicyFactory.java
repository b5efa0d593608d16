package org.loopcrm.crm.routes.internal.ops;

import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.loopcrm.crm.api.integration.RouteConventions;
import org.slf4j.MDC;

/**
 * Gives every exchange of every route one correlation id: the {@value
 * RouteConventions#HEADER_CORRELATION_ID} header it arrived with, else its JMSCorrelationID, else a
 * new one. The id goes into that header (so whatever the route sends on carries it, and a dead
 * letter keeps it), into the exchange property of the same name, and into the SLF4J MDC as {@value
 * #MDC_KEY} for every log line the exchange writes on its thread.
 */
public final class CorrelationRoutePolicyFactory implements RoutePolicyFactory {
  /** The MDC key; a log pattern shows it with {@code %X{crm.correlationId}}. */
  public static final String MDC_KEY = "crm.correlationId";

  @Override
  public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
    return new Policy();
  }

  /** The id an exchange carries or gets. */
  static String correlationId(Exchange exchange) {
    String id = exchange.getProperty(RouteConventions.HEADER_CORRELATION_ID, String.class);
    if (isBlank(id)) {
      id = exchange.getMessage().getHeader(RouteConventions.HEADER_CORRELATION_ID, String.class);
    }
    if (isBlank(id)) {
      id = exchange.getMessage().getHeader("JMSCorrelationID", String.class);
    }
    return isBlank(id) ? UUID.randomUUID().toString() : id.strip();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static final class Policy extends RoutePolicySupport {
    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
      String id = correlationId(exchange);
      exchange.setProperty(RouteConventions.HEADER_CORRELATION_ID, id);
      exchange.getMessage().setHeader(RouteConventions.HEADER_CORRELATION_ID, id);
      MDC.put(MDC_KEY, id);
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
      MDC.remove(MDC_KEY);
    }
  }
}
