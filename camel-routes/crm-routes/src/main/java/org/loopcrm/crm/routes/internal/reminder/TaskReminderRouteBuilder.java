package org.loopcrm.crm.routes.internal.reminder;

import static org.loopcrm.crm.routes.internal.RouteProperties.OUTBOX_POLL_INTERVAL_MS;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.activity.ActivityService;
import org.loopcrm.crm.api.activity.Notification;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due task reminders. Stages:
 *
 * <ol>
 *   <li>a timer fires every {@code outboxPollIntervalMs} (PID {@code crm.routes}; reminders are
 *       minutes apart, so the outbox's short period is precise enough and needs no setting of its
 *       own);
 *   <li>{@link ActivityService#fireDueReminders} claims up to {@value #BATCH} open tasks whose
 *       reminder time has passed, each with a conditional update (exactly once, also with several
 *       nodes polling), and creates the owner's notification and a {@code task.reminder} event in
 *       the claim's transaction; a full batch is followed at once by the next.
 * </ol>
 *
 * The events go out through the outbox relay like every other event.
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class TaskReminderRouteBuilder extends RouteBuilder {
  /** The route's stable id. */
  public static final String ROUTE_ID = "crm-task-reminders";

  static final int BATCH = 100;
  static final int MAX_BATCHES = 20;
  private static final Logger LOG = LoggerFactory.getLogger(TaskReminderRouteBuilder.class);

  private final ActivityService activities;

  /** Created by DS, once per CamelContext (prototype scope). */
  @Activate
  public TaskReminderRouteBuilder(@Reference ActivityService activities) {
    this.activities = activities;
  }

  @Override
  public void configure() {
    from("timer:" + ROUTE_ID + "?period=" + placeholder(OUTBOX_POLL_INTERVAL_MS))
        .routeId(ROUTE_ID)
        .process(exchange -> exchange.getMessage().setBody(fire()));
  }

  /** One run: batches until a short one, at most {@value #MAX_BATCHES}. */
  int fire() {
    int fired = 0;
    for (int i = 0; i < MAX_BATCHES; i++) {
      List<Notification> batch = activities.fireDueReminders(BATCH);
      fired += batch.size();
      if (batch.size() < BATCH) {
        break;
      }
    }
    if (fired > 0) {
      LOG.info("task reminders: {} fired", fired);
    }
    return fired;
  }
}
