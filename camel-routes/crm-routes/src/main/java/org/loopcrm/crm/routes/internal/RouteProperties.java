package org.loopcrm.crm.routes.internal;

/**
 * Names of the property placeholders the runtime puts into the CamelContext, so route builders take
 * their endpoints from configuration as {@code {{crm.routes.eventsTopic}}}.
 */
public final class RouteProperties {
  public static final String OUTBOX_POLL_INTERVAL_MS = "crm.routes.outboxPollIntervalMs";
  public static final String OUTBOX_BATCH_SIZE = "crm.routes.outboxBatchSize";
  public static final String EVENTS_TOPIC = "crm.routes.eventsTopic";
  public static final String INBOUND_QUEUE = "crm.routes.inboundQueue";
  public static final String DEAD_LETTER_QUEUE = "crm.routes.deadLetterQueue";
  public static final String ERASURE_QUEUE = "crm.routes.erasureQueue";
  public static final String ERASURE_DEAD_LETTER_QUEUE = "crm.routes.erasureDeadLetterQueue";
  public static final String RETENTION_DAYS = "crm.routes.retentionDays";
  public static final String RETENTION_INTERVAL_MS = "crm.routes.retentionIntervalMs";
  public static final String ASYNC_PLUGIN_QUEUE = "crm.routes.asyncPluginQueue";
  public static final String ASYNC_PLUGIN_DEAD_LETTER_QUEUE =
      "crm.routes.asyncPluginDeadLetterQueue";
  public static final String ASYNC_PLUGIN_MAXIMUM_REDELIVERIES =
      "crm.routes.asyncPluginMaximumRedeliveries";
  public static final String ASYNC_PLUGIN_REDELIVERY_DELAY_MS =
      "crm.routes.asyncPluginRedeliveryDelayMs";

  public static final String LIFECYCLE_INTERVAL_MS = "crm.routes.lifecycleIntervalMs";
  public static final String FACTS_QUEUE = "crm.routes.factsQueue";
  public static final String FACTS_DEAD_LETTER_QUEUE = "crm.routes.factsDeadLetterQueue";
  public static final String FACTS_DIRECTORY = "crm.routes.factsDirectory";
  public static final String FORECAST_SNAPSHOT_INTERVAL_MS =
      "crm.routes.forecastSnapshotIntervalMs";
  public static final String ASSIGNMENT_SWEEP_INTERVAL_MS = "crm.routes.assignmentSweepIntervalMs";
  public static final String LEAD_RESCORE_INTERVAL_MS = "crm.routes.leadRescoreIntervalMs";

  private RouteProperties() {}

  /** {@code {{name}}}, a placeholder Camel resolves from the context's properties. */
  public static String placeholder(String name) {
    return "{{" + name + "}}";
  }
}
