package org.loopcrm.crm.routes.internal.assignment;

import static org.loopcrm.crm.routes.internal.RouteProperties.LEAD_RESCORE_INTERVAL_MS;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.lead.LeadService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores every open lead again every {@code leadRescoreIntervalMs} (PID {@code crm.routes}), so
 * activity points decay without anybody touching the leads. Stages: timer → {@link
 * LeadService#rescoreAll} as a system user of the integration role → the number changed as the
 * body.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class LeadRescoreRouteBuilder extends RouteBuilder {
  /** The route's stable id. */
  public static final String ROUTE_ID = "crm-lead-rescore";

  private static final Actor ROUTE = Actor.system("lead-rescore");
  private static final Logger LOG = LoggerFactory.getLogger(LeadRescoreRouteBuilder.class);

  private final LeadService leads;

  /** Created by DS, once per CamelContext (prototype scope). */
  @Activate
  public LeadRescoreRouteBuilder(@Reference LeadService leads) {
    this.leads = leads;
  }

  @Override
  public void configure() {
    long interval =
        Long.parseLong(
            getContext().resolvePropertyPlaceholders(placeholder(LEAD_RESCORE_INTERVAL_MS)));
    from("timer:" + ROUTE_ID + "?delay=" + Math.min(10_000L, interval) + "&period=" + interval)
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.getMessage().setBody(rescore()));
  }

  /** One pass. */
  int rescore() {
    int changed = leads.rescoreAll(ROUTE);
    if (changed > 0) {
      LOG.info("lead rescore: {} scores changed", changed);
    }
    return changed;
  }
}
