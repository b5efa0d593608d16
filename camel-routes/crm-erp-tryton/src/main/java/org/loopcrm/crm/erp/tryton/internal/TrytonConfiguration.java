package org.loopcrm.crm.erp.tryton.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code crm.erp.tryton}: where the Tryton server is and how the connector logs in. */
@ObjectClassDefinition(
    name = "Loop CRM Tryton connector",
    description = "The Tryton ERP the CRM talks to over JSON-RPC.")
@interface TrytonConfiguration {

  @AttributeDefinition(description = "Tryton's HTTP root, e.g. http://127.0.0.1:8000")
  String url() default "http://127.0.0.1:8000";

  @AttributeDefinition(description = "The Tryton database (the first segment of every RPC path)")
  String database() default "tryton";

  @AttributeDefinition(description = "The Tryton user the connector logs in as")
  String user() default "admin";

  @AttributeDefinition(
      description =
          "A file holding the user's password (trailing newline ignored). Empty: use passwordEnv")
  String passwordFile() default "";

  @AttributeDefinition(description = "An environment variable holding the password")
  String passwordEnv() default "CRM_TRYTON_PASSWORD";

  @AttributeDefinition(description = "Milliseconds to wait for a connection")
  int connectTimeoutMs() default 5000;

  @AttributeDefinition(description = "Milliseconds to wait for an answer")
  int responseTimeoutMs() default 30000;

  @AttributeDefinition(
      description = "The warehouse (stock.location code) asked for availability by default")
  String warehouse() default "WH";

  @AttributeDefinition(description = "Milliseconds between two polls of Tryton's changes")
  long pollIntervalMs() default 10000;

  @AttributeDefinition(description = "Rows read per poll and stream")
  int pollBatchSize() default 200;
}
