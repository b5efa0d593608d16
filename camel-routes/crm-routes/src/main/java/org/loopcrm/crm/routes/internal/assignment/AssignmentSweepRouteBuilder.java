package org.loopcrm.crm.routes.internal.assignment;

import static org.loopcrm.crm.routes.internal.RouteProperties.ASSIGNMENT_SWEEP_INTERVAL_MS;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.assignment.AssignmentService;
import org.loopcrm.crm.api.assignment.SweepResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the assignment sweep every {@code assignmentSweepIntervalMs} (PID {@code crm.routes}):
 * absences begin and first-response deadlines pass without anybody touching the records. Stages:
 * timer → {@link AssignmentService#sweep} as a system user of the integration role → the result as
 * the body (and a log line when something moved). One sweep is one transaction in the core.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class AssignmentSweepRouteBuilder extends RouteBuilder {
  /** The route's stable id. */
  public static final String ROUTE_ID = "crm-assignment-sweep";

  private static final Actor ROUTE = Actor.system("assignment-sweep");
  private static final Logger LOG = LoggerFactory.getLogger(AssignmentSweepRouteBuilder.class);

  private final AssignmentService assignment;

  /** Created by DS, once per CamelContext (prototype scope). */
  @Activate
  public AssignmentSweepRouteBuilder(@Reference AssignmentService assignment) {
    this.assignment = assignment;
  }

  @Override
  public void configure() {
    long interval =
        Long.parseLong(
            getContext().resolvePropertyPlaceholders(placeholder(ASSIGNMENT_SWEEP_INTERVAL_MS)));
    from("timer:" + ROUTE_ID + "?delay=" + Math.min(10_000L, interval) + "&period=" + interval)
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.getMessage().setBody(sweep()));
  }

  /** One sweep. */
  SweepResult sweep() {
    SweepResult r = assignment.sweep(ROUTE);
    if (!r.reassigned().isEmpty()) {
      LOG.info(
          "assignment sweep: {} of {} examined records re-assigned",
          r.reassigned().size(),
          r.examined());
    }
    return r;
  }
}
