package org.loopcrm.crm.routes.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the CRM's CamelContext and its routes, PID {@code crm.routes}. */
@ObjectClassDefinition(
    name = "Loop CRM routes",
    description = "The broker the routes talk to, and the endpoints and pace of the routes.")
public @interface CrmCamelRuntimeConfiguration {

  @AttributeDefinition(description = "Artemis broker URL (CORE protocol).")
  String brokerUrl() default "tcp://127.0.0.1:61616";

  @AttributeDefinition(description = "Broker user; empty connects without credentials.")
  String brokerUser() default "";

  @AttributeDefinition(
      description =
          "File holding the broker password (trailing newline ignored). Takes precedence over"
              + " brokerPasswordEnv.")
  String brokerPasswordFile() default "";

  @AttributeDefinition(
      description = "Environment variable holding the broker password, if no file is given.")
  String brokerPasswordEnv() default "CRM_BROKER_PASSWORD";

  @AttributeDefinition(
      description =
          "How often the outbox relay looks for pending events and the webhook route for due"
              + " deliveries (ms).")
  long outboxPollIntervalMs() default 500;

  @AttributeDefinition(description = "How many outbox events the relay takes per poll.")
  int outboxBatchSize() default 100;

  @AttributeDefinition(description = "JMS topic the CRM publishes its events to.")
  String eventsTopic() default "crm.events";

  @AttributeDefinition(description = "JMS queue of canonical 'invoice posted' messages.")
  String inboundQueue() default "crm.erp.invoice-posted";

  @AttributeDefinition(
      description = "JMS queue for 'invoice posted' messages that can never apply.")
  String deadLetterQueue() default "crm.erp.invoice-posted.DLQ";

  @AttributeDefinition(
      description =
          "JMS queue the erasure commands (GDPR, from party.erased events) are sent to, for the"
              + " ERP and other holders of copies.")
  String erasureQueue() default "crm.erp.erasure";

  @AttributeDefinition(description = "JMS queue for party.erased events that are malformed.")
  String erasureDeadLetterQueue() default "crm.erp.erasure.DLQ";

  @AttributeDefinition(
      description =
          "Days sent outbox events and finished (delivered or dead) webhook deliveries are kept;"
              + " 0 keeps them for ever.")
  int retentionDays() default 30;

  @AttributeDefinition(description = "How often the retention route purges (ms).")
  long retentionIntervalMs() default 3_600_000L;

  /** How often the lifecycle rules are applied to every account with purchases (inactivity). */
  @AttributeDefinition(
      name = "Lifecycle interval (ms)",
      description =
          "How often the route crm-lifecycle applies the lifecycle rules to every account with"
              + " purchases, so inactivity moves stages; invoices move them at once.")
  long lifecycleIntervalMs() default 3_600_000L;

  @AttributeDefinition(
      description =
          "How often the route crm-assignment-sweep re-assigns open records whose owner is absent"
              + " or whose first response is overdue under an escalating rule.")
  long assignmentSweepIntervalMs() default 300_000L;

  @AttributeDefinition(
      description =
          "How often the route crm-lead-rescore scores every open lead again, so activity points"
              + " decay.")
  long leadRescoreIntervalMs() default 3_600_000L;

  @AttributeDefinition(
      description =
          "JMS queue the outbox relay sends ASYNC record-plugin jobs to; the plugin route consumes"
              + " it.")
  String asyncPluginQueue() default "crm.plugins.async";

  @AttributeDefinition(
      description =
          "JMS queue for ASYNC record-plugin jobs that failed every attempt (header"
              + " CrmDeadLetterReason says why).")
  String asyncPluginDeadLetterQueue() default "DLQ.crm.plugins.async";

  @AttributeDefinition(
      description =
          "How often a failed ASYNC record-plugin job is retried before it is dead-lettered.")
  int asyncPluginMaximumRedeliveries() default 5;

  @AttributeDefinition(
      description =
          "Delay before the first retry of a failed ASYNC record-plugin job (ms); it doubles with"
              + " each retry, up to a minute.")
  long asyncPluginRedeliveryDelayMs() default 1000;

  @AttributeDefinition(
      description =
          "JMS queue of canonical ERP facts (invoice-posted, payment-received, receivable-balance,"
              + " document-changed, party-changed; schemas in docs/erp-messages).")
  String factsQueue() default "crm.erp.facts";

  @AttributeDefinition(
      description =
          "JMS queue for canonical ERP facts that are malformed or name an unknown customer"
              + " (header CrmDeadLetterReason says why).")
  String factsDeadLetterQueue() default "crm.erp.facts.DLQ";

  @AttributeDefinition(
      description =
          "Folder whose *.json and *.csv files of canonical ERP facts are applied and moved to done/"
              + " or error/; empty: no file drop.")
  String factsDirectory() default "";

  /** How often the forecast snapshot route snapshots the current and the next quarter. */
  @AttributeDefinition(
      name = "Forecast snapshot interval (ms)",
      description =
          "How often the route crm-forecast-snapshots takes a snapshot of the current and the next"
              + " quarter's opportunities, to measure forecast accuracy later (default weekly);"
              + " 0 keeps the route stopped (snapshots are then taken on demand only).")
  long forecastSnapshotIntervalMs() default 604_800_000L;
}
