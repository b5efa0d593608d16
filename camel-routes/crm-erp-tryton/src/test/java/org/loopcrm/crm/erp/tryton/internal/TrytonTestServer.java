package org.loopcrm.crm.erp.tryton.internal;

import java.time.Clock;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The Tryton that {@code scripts/tryton.sh up} started, reached the way the connector reaches it:
 * through a CamelContext's HTTP component. Its address comes from the variables {@code
 * scripts/tryton.sh env} prints; without them an erp test fails, it never skips.
 */
final class TrytonTestServer implements AutoCloseable {
  final DefaultCamelContext camel = new DefaultCamelContext();
  final TrytonSettings settings;
  final CamelHttpTransport transport;
  final TrytonRpc rpc;
  final TrytonModels models;
  final TrytonErp erp;

  TrytonTestServer() {
    settings =
        new TrytonSettings(
            java.net.URI.create(required("TRYTON_URL")),
            required("TRYTON_DB"),
            System.getenv().getOrDefault("TRYTON_USER", "admin"),
            password(),
            5000,
            60000,
            "WH",
            1000,
            100);
    camel.start();
    transport = new CamelHttpTransport(camel, settings);
    rpc = new TrytonRpc(transport, settings.user(), settings.password());
    models = new TrytonModels(rpc);
    erp = new TrytonErp(models, "WH", Clock.systemUTC());
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name
              + " is not set: run `eval \"$(scripts/tryton.sh env)\"` after `scripts/tryton.sh up`");
    }
    return value;
  }

  private static String password() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(required("TRYTON_PASSWORD_FILE")))
          .strip();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    transport.close();
    camel.close();
  }
}
