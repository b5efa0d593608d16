package org.loopcrm.crm.routes.internal.lifecycle;

import static org.loopcrm.crm.routes.internal.RouteProperties.LIFECYCLE_INTERVAL_MS;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.lifecycle.LifecycleService;
import org.loopcrm.crm.api.lifecycle.LifecycleService.Sweep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the lifecycle rules to every account with purchases every {@code lifecycleIntervalMs}
 * (PID {@code crm.routes}): invoices move stages when they are applied, but time passing without
 * one (AT_RISK, CHURNED) needs someone to look. Accounts are taken in id order in batches of
 * {@value #BATCH}, each account in its own transaction, so a failure costs one account and the next
 * run tries it again.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class LifecycleRouteBuilder extends RouteBuilder {
  /** The route's stable id. */
  public static final String ROUTE_ID = "crm-lifecycle";

  static final int BATCH = 500;
  private static final Actor ROUTE = Actor.system("lifecycle");
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleRouteBuilder.class);

  private final LifecycleService lifecycle;

  /** Created by DS, once per CamelContext (prototype scope). */
  @Activate
  public LifecycleRouteBuilder(@Reference LifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void configure() {
    long interval =
        Long.parseLong(
            getContext().resolvePropertyPlaceholders(placeholder(LIFECYCLE_INTERVAL_MS)));
    // The first run comes soon after a start (at most 10 s), then one every interval.
    from("timer:" + ROUTE_ID + "?delay=" + Math.min(10_000L, interval) + "&period=" + interval)
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.getMessage().setBody(sweep()));
  }

  /** One run over every account with purchases. */
  Sweep sweep() {
    int examined = 0;
    int moved = 0;
    String after = null;
    Sweep s;
    do {
      s = lifecycle.evaluateAll(ROUTE, after, BATCH);
      examined += s.examined();
      moved += s.moved();
      after = s.lastId();
    } while (s.examined() == BATCH);
    if (moved > 0) {
      LOG.info("lifecycle: {} of {} accounts with purchases moved stage", moved, examined);
    }
    return new Sweep(examined, moved, after);
  }
}
