package org.loopcrm.crm.routes.internal;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;

/** Runs a {@link CrmCamelRuntime} outside OSGi, against a {@link TestBroker}. */
public final class RuntimeHarness implements AutoCloseable {
  private final CrmCamelRuntime runtime;

  public RuntimeHarness(TestBroker broker, long pollIntervalMs, int batchSize) throws Exception {
    this(broker, pollIntervalMs, batchSize, 5, 1000);
  }

  /** With the ASYNC plugin route's retries. */
  public RuntimeHarness(
      TestBroker broker,
      long pollIntervalMs,
      int batchSize,
      int asyncPluginMaximumRedeliveries,
      long asyncPluginRedeliveryDelayMs)
      throws Exception {
    this(
        broker,
        pollIntervalMs,
        batchSize,
        asyncPluginMaximumRedeliveries,
        asyncPluginRedeliveryDelayMs,
        30,
        3_600_000L);
  }

  /** With the ASYNC plugin route's retries and the retention route's days and interval. */
  public RuntimeHarness(
      TestBroker broker,
      long pollIntervalMs,
      int batchSize,
      int asyncPluginMaximumRedeliveries,
      long asyncPluginRedeliveryDelayMs,
      int retentionDays,
      long retentionIntervalMs)
      throws Exception {
    this(
        broker,
        pollIntervalMs,
        batchSize,
        asyncPluginMaximumRedeliveries,
        asyncPluginRedeliveryDelayMs,
        retentionDays,
        retentionIntervalMs,
        "",
        604_800_000L);
  }

  /** With a folder for the canonical facts' file drop. */
  public RuntimeHarness(TestBroker broker, java.nio.file.Path factsDirectory) throws Exception {
    this(broker, 50, 100, 5, 1000, 30, 3_600_000L, factsDirectory.toString(), 604_800_000L);
  }

  /** With the forecast snapshot route's interval (0: stopped). */
  public static RuntimeHarness withForecastSnapshots(TestBroker broker, long intervalMs)
      throws Exception {
    return new RuntimeHarness(broker, 50, 100, 5, 1000, 30, 3_600_000L, "", intervalMs);
  }

  private RuntimeHarness(
      TestBroker broker,
      long pollIntervalMs,
      int batchSize,
      int asyncPluginMaximumRedeliveries,
      long asyncPluginRedeliveryDelayMs,
      int retentionDays,
      long retentionIntervalMs,
      String factsDirectory,
      long forecastSnapshotIntervalMs)
      throws Exception {
    runtime =
        new CrmCamelRuntime(
            new RuntimeSettings(
                broker.url(),
                TestBroker.USER,
                TestBroker.PASSWORD,
                pollIntervalMs,
                batchSize,
                "crm.events",
                "crm.erp.invoice-posted",
                "crm.erp.invoice-posted.DLQ",
                "crm.erp.erasure",
                "crm.erp.erasure.DLQ",
                retentionDays,
                retentionIntervalMs,
                "crm.plugins.async",
                "DLQ.crm.plugins.async",
                asyncPluginMaximumRedeliveries,
                asyncPluginRedeliveryDelayMs,
                retentionIntervalMs,
                "crm.erp.facts",
                "crm.erp.facts.DLQ",
                factsDirectory,
                forecastSnapshotIntervalMs,
                retentionIntervalMs,
                retentionIntervalMs),
            context -> () -> {});
  }

  public void add(RoutesBuilder builder) {
    if (!runtime.addBuilder(builder, builder)) {
      throw new IllegalStateException("routes of " + builder + " were not added");
    }
  }

  public void remove(RoutesBuilder builder) {
    runtime.removeBuilder(builder);
  }

  public CamelContext context() {
    return runtime.context();
  }

  @Override
  public void close() {
    runtime.deactivate();
  }
}
