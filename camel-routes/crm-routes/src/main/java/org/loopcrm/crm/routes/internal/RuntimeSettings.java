package org.loopcrm.crm.routes.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The validated configuration, with the broker password resolved from its file or environment
 * variable. {@link #toString()} never shows the password.
 */
record RuntimeSettings(
    String brokerUrl,
    String brokerUser,
    String brokerPassword,
    long outboxPollIntervalMs,
    int outboxBatchSize,
    String eventsTopic,
    String inboundQueue,
    String deadLetterQueue,
    String erasureQueue,
    String erasureDeadLetterQueue,
    int retentionDays,
    long retentionIntervalMs,
    String asyncPluginQueue,
    String asyncPluginDeadLetterQueue,
    int asyncPluginMaximumRedeliveries,
    long asyncPluginRedeliveryDelayMs,
    long lifecycleIntervalMs,
    String factsQueue,
    String factsDeadLetterQueue,
    String factsDirectory,
    long forecastSnapshotIntervalMs,
    long assignmentSweepIntervalMs,
    long leadRescoreIntervalMs) {

  RuntimeSettings {
    require(brokerUrl, "brokerUrl");
    require(eventsTopic, "eventsTopic");
    require(inboundQueue, "inboundQueue");
    require(deadLetterQueue, "deadLetterQueue");
    require(erasureQueue, "erasureQueue");
    require(erasureDeadLetterQueue, "erasureDeadLetterQueue");
    require(asyncPluginQueue, "asyncPluginQueue");
    require(asyncPluginDeadLetterQueue, "asyncPluginDeadLetterQueue");
    require(factsQueue, "factsQueue");
    require(factsDeadLetterQueue, "factsDeadLetterQueue");
    factsDirectory = factsDirectory == null ? "" : factsDirectory;
    if (asyncPluginMaximumRedeliveries < 0) {
      throw new IllegalArgumentException("asyncPluginMaximumRedeliveries must not be negative");
    }
    if (asyncPluginRedeliveryDelayMs < 0) {
      throw new IllegalArgumentException("asyncPluginRedeliveryDelayMs must not be negative");
    }
    if (outboxPollIntervalMs < 10) {
      throw new IllegalArgumentException("outboxPollIntervalMs must be at least 10");
    }
    if (outboxBatchSize < 1) {
      throw new IllegalArgumentException("outboxBatchSize must be at least 1");
    }
    if (retentionDays < 0) {
      throw new IllegalArgumentException("retentionDays must be 0 (keep for ever) or more");
    }
    if (retentionIntervalMs < 10) {
      throw new IllegalArgumentException("retentionIntervalMs must be at least 10");
    }
    if (forecastSnapshotIntervalMs != 0 && forecastSnapshotIntervalMs < 10) {
      throw new IllegalArgumentException(
          "forecastSnapshotIntervalMs must be 0 (stopped) or at least 10");
    }
    if (lifecycleIntervalMs < 10) {
      throw new IllegalArgumentException("lifecycleIntervalMs must be at least 10");
    }
    if (assignmentSweepIntervalMs < 10) {
      throw new IllegalArgumentException("assignmentSweepIntervalMs must be at least 10");
    }
    if (leadRescoreIntervalMs < 10) {
      throw new IllegalArgumentException("leadRescoreIntervalMs must be at least 10");
    }
  }

  /** Reads the configuration; {@code env} looks up environment variables. */
  static RuntimeSettings from(CrmCamelRuntimeConfiguration config, UnaryOperator<String> env) {
    return new RuntimeSettings(
        config.brokerUrl().trim(),
        config.brokerUser().trim(),
        password(config, env),
        config.outboxPollIntervalMs(),
        config.outboxBatchSize(),
        config.eventsTopic().trim(),
        config.inboundQueue().trim(),
        config.deadLetterQueue().trim(),
        config.erasureQueue().trim(),
        config.erasureDeadLetterQueue().trim(),
        config.retentionDays(),
        config.retentionIntervalMs(),
        config.asyncPluginQueue().trim(),
        config.asyncPluginDeadLetterQueue().trim(),
        config.asyncPluginMaximumRedeliveries(),
        config.asyncPluginRedeliveryDelayMs(),
        config.lifecycleIntervalMs(),
        config.factsQueue().trim(),
        config.factsDeadLetterQueue().trim(),
        config.factsDirectory().trim(),
        config.forecastSnapshotIntervalMs(),
        config.assignmentSweepIntervalMs(),
        config.leadRescoreIntervalMs());
  }

  private static String password(CrmCamelRuntimeConfiguration config, UnaryOperator<String> env) {
    String file = config.brokerPasswordFile().trim();
    if (!file.isEmpty()) {
      try {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        // The message names the file, never its content.
        throw new IllegalStateException("cannot read the broker password file " + file, e);
      }
    }
    String variable = config.brokerPasswordEnv().trim();
    String value = variable.isEmpty() ? null : env.apply(variable);
    return value == null || value.isEmpty() ? "" : value;
  }

  /** The placeholders route builders use, see {@link RouteProperties}. */
  Properties routeProperties() {
    Properties p = new Properties();
    p.setProperty(RouteProperties.OUTBOX_POLL_INTERVAL_MS, Long.toString(outboxPollIntervalMs));
    p.setProperty(RouteProperties.OUTBOX_BATCH_SIZE, Integer.toString(outboxBatchSize));
    p.setProperty(RouteProperties.EVENTS_TOPIC, eventsTopic);
    p.setProperty(RouteProperties.INBOUND_QUEUE, inboundQueue);
    p.setProperty(RouteProperties.DEAD_LETTER_QUEUE, deadLetterQueue);
    p.setProperty(RouteProperties.ERASURE_QUEUE, erasureQueue);
    p.setProperty(RouteProperties.ERASURE_DEAD_LETTER_QUEUE, erasureDeadLetterQueue);
    p.setProperty(RouteProperties.RETENTION_DAYS, Integer.toString(retentionDays));
    p.setProperty(RouteProperties.RETENTION_INTERVAL_MS, Long.toString(retentionIntervalMs));
    p.setProperty(RouteProperties.ASYNC_PLUGIN_QUEUE, asyncPluginQueue);
    p.setProperty(RouteProperties.ASYNC_PLUGIN_DEAD_LETTER_QUEUE, asyncPluginDeadLetterQueue);
    p.setProperty(
        RouteProperties.ASYNC_PLUGIN_MAXIMUM_REDELIVERIES,
        Integer.toString(asyncPluginMaximumRedeliveries));
    p.setProperty(
        RouteProperties.ASYNC_PLUGIN_REDELIVERY_DELAY_MS,
        Long.toString(asyncPluginRedeliveryDelayMs));
    p.setProperty(RouteProperties.LIFECYCLE_INTERVAL_MS, Long.toString(lifecycleIntervalMs));
    p.setProperty(RouteProperties.FACTS_QUEUE, factsQueue);
    p.setProperty(RouteProperties.FACTS_DEAD_LETTER_QUEUE, factsDeadLetterQueue);
    p.setProperty(RouteProperties.FACTS_DIRECTORY, factsDirectory);
    p.setProperty(
        RouteProperties.FORECAST_SNAPSHOT_INTERVAL_MS, Long.toString(forecastSnapshotIntervalMs));
    p.setProperty(
        RouteProperties.ASSIGNMENT_SWEEP_INTERVAL_MS, Long.toString(assignmentSweepIntervalMs));
    p.setProperty(RouteProperties.LEAD_RESCORE_INTERVAL_MS, Long.toString(leadRescoreIntervalMs));
    return p;
  }

  @Override
  public String toString() {
    return "RuntimeSettings[brokerUrl="
        + brokerUrl
        + ", brokerUser="
        + brokerUser
        + ", brokerPassword="
        + (brokerPassword.isEmpty() ? "(none)" : "(set)")
        + ", outboxPollIntervalMs="
        + outboxPollIntervalMs
        + ", outboxBatchSize="
        + outboxBatchSize
        + ", eventsTopic="
        + eventsTopic
        + ", inboundQueue="
        + inboundQueue
        + ", deadLetterQueue="
        + deadLetterQueue
        + ", erasureQueue="
        + erasureQueue
        + ", erasureDeadLetterQueue="
        + erasureDeadLetterQueue
        + ", retentionDays="
        + retentionDays
        + ", retentionIntervalMs="
        + retentionIntervalMs
        + ", asyncPluginQueue="
        + asyncPluginQueue
        + ", asyncPluginDeadLetterQueue="
        + asyncPluginDeadLetterQueue
        + ", asyncPluginMaximumRedeliveries="
        + asyncPluginMaximumRedeliveries
        + ", asyncPluginRedeliveryDelayMs="
        + asyncPluginRedeliveryDelayMs
        + ", lifecycleIntervalMs="
        + lifecycleIntervalMs
        + ", factsQueue="
        + factsQueue
        + ", factsDeadLetterQueue="
        + factsDeadLetterQueue
        + ", factsDirectory="
        + factsDirectory
        + ", forecastSnapshotIntervalMs="
        + forecastSnapshotIntervalMs
        + ", assignmentSweepIntervalMs="
        + assignmentSweepIntervalMs
        + ", leadRescoreIntervalMs="
        + leadRescoreIntervalMs
        + "]";
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }
}
