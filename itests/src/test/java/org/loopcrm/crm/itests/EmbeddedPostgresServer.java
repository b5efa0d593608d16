package org.loopcrm.crm.itests;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (binaries from Maven, no installation) for the test driver, and the
 * DataSource configuration that points the distribution at it. Used outside the container only.
 */
final class EmbeddedPostgresServer {
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  /** Starts the server once per JVM, creates the database {@code crm}, and returns its port. */
  static synchronized int start() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stop));
        try (Connection c = server.getPostgresDatabase().getConnection();
            Statement s = c.createStatement()) {
          s.execute("create database crm");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return server.getPort();
  }

  /**
   * The shipped PostgreSQL variant of {@code org.ops4j.datasource-crm.cfg} with this server's URL
   * filled in, as an administrator would configure it.
   */
  static File datasourceConfiguration(int port) {
    try {
      File shipped =
          new File("../features/src/main/resources/postgresql/org.ops4j.datasource-crm.cfg");
      String cfg =
          Files.readString(shipped.toPath(), StandardCharsets.UTF_8)
              .replaceAll("(?m)^url *=.*$", "url = jdbc:postgresql://127.0.0.1:" + port + "/crm")
              .replaceAll("(?m)^user *=.*$", "user = postgres")
              .replaceAll("(?m)^password *=.*$", "password = ");
      File out = new File("target/postgresql/org.ops4j.datasource-crm.cfg");
      Files.createDirectories(out.getParentFile().toPath());
      Files.writeString(out.toPath(), cfg, StandardCharsets.UTF_8);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stop() {
    try {
      server.close();
    } catch (IOException e) {
      // the JVM is exiting
    }
  }
}
