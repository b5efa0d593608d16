package org.loopcrm.crm.routes.internal.plugin;

import static org.loopcrm.crm.routes.internal.RouteProperties.ASYNC_PLUGIN_DEAD_LETTER_QUEUE;
import static org.loopcrm.crm.routes.internal.RouteProperties.ASYNC_PLUGIN_MAXIMUM_REDELIVERIES;
import static org.loopcrm.crm.routes.internal.RouteProperties.ASYNC_PLUGIN_QUEUE;
import static org.loopcrm.crm.routes.internal.RouteProperties.ASYNC_PLUGIN_REDELIVERY_DELAY_MS;
import static org.loopcrm.crm.routes.internal.RouteProperties.placeholder;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.loopcrm.crm.api.integration.RouteConventions;
import org.loopcrm.crm.api.plugin.AsyncPluginRunner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Runs ASYNC record-plugin jobs after commit: the outbox relay puts them on the {@code
 * asyncPluginQueue} (one message per plugin and operation, {@code JMSXGroupID} = the record's id).
 *
 * <p>Route {@value #ROUTE_ID}, stages:
 *
 * <ol>
 *   <li>consumes the {@code asyncPluginQueue} in a local JMS transaction, one job at a time, so the
 *       jobs of one record run in commit order (a job that fails holds back the ones behind it
 *       while it is retried);
 *   <li>{@link AsyncPluginRunner#run} rebuilds the plugin's context and runs the plugin;
 *   <li>the JMS transaction commits: the job is done.
 * </ol>
 *
 * <p>Failures: whatever the plugin throws (a veto included: the change is committed and cannot be
 * refused any more), a job whose plugin is not registered (its bundle was removed, or is being
 * updated and may be back in time) and a job that cannot be read are retried {@code
 * asyncPluginMaximumRedeliveries} times, the first after {@code asyncPluginRedeliveryDelayMs}, each
 * later one after twice the previous delay (at most a minute). Then the original job goes to the
 * {@code asyncPluginDeadLetterQueue} with the headers {@value AsyncPluginFailure#HEADER} (why, e.g.
 * {@code plugin not registered: ...} or {@code failed: IllegalStateException: ...}) and {@value
 * AsyncPluginFailure#ATTEMPTS}, and is consumed. If the container dies meanwhile, the uncommitted
 * job is delivered again (at least once).
 */
@Component(service = RoutesBuilder.class, scope = ServiceScope.PROTOTYPE)
public final class AsyncPluginRouteBuilder extends RouteBuilder {
  /** The route's stable id. */
  public static final String ROUTE_ID = "crm-async-plugins";

  static final long MAXIMUM_REDELIVERY_DELAY_MS = 60_000;

  private final AsyncPluginRunner runner;

  /** Created by DS, once per CamelContext (prototype scope). */
  @Activate
  public AsyncPluginRouteBuilder(@Reference AsyncPluginRunner runner) {
    this.runner = runner;
  }

  @Override
  public void configure() {
    int redeliveries =
        Integer.parseInt(
            getContext()
                .resolvePropertyPlaceholders(placeholder(ASYNC_PLUGIN_MAXIMUM_REDELIVERIES)));
    long delay =
        Long.parseLong(
            getContext()
                .resolvePropertyPlaceholders(placeholder(ASYNC_PLUGIN_REDELIVERY_DELAY_MS)));

    from("jms:queue:" + placeholder(ASYNC_PLUGIN_QUEUE) + "?transacted=true")
        .routeId(ROUTE_ID)
        .routeGroup("plugins")
        .routeDescription("ASYNC record-plugin jobs, retried, then dead-lettered")
        .routeProperty(
            RouteConventions.DEAD_LETTER_QUEUE, placeholder(ASYNC_PLUGIN_DEAD_LETTER_QUEUE))
        .routeProperty(RouteConventions.RETRY_TO, placeholder(ASYNC_PLUGIN_QUEUE))
        .routeProperty(RouteConventions.LAG_QUEUE, placeholder(ASYNC_PLUGIN_QUEUE))
        .errorHandler(
            deadLetterChannel("jms:queue:" + placeholder(ASYNC_PLUGIN_DEAD_LETTER_QUEUE))
                .useOriginalMessage()
                .maximumRedeliveries(redeliveries)
                .redeliveryDelay(delay)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(Math.max(delay, MAXIMUM_REDELIVERY_DELAY_MS))
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .onPrepareFailure(new AsyncPluginFailure(redeliveries + 1))
                .logExhausted(true))
        .process(this::run);
  }

  private void run(Exchange exchange) throws Exception {
    runner.run(exchange.getMessage().getMandatoryBody(String.class));
  }
}
