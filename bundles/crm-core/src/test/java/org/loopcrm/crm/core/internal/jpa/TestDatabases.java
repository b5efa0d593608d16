package org.loopcrm.crm.core.internal.jpa;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Real databases for the repository tests: H2 in memory, and PostgreSQL from embedded binaries. */
final class TestDatabases {
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  /** A fresh, empty H2 database in PostgreSQL-free default mode, as the product runs it. */
  static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  /** A fresh, empty database on one embedded PostgreSQL server shared by the test run. */
  static synchronized DataSource postgres() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stopPostgres));
      }
      String db = "crm_" + UUID.randomUUID().toString().replace("-", "");
      try (var c = postgres.getPostgresDatabase().getConnection();
          var s = c.createStatement()) {
        s.execute("create database " + db);
      }
      return postgres.getDatabase("postgres", db);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void stopPostgres() {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting
    }
  }

  /** Migrates the database and opens the {@code crm} persistence unit on it. */
  static EntityManagerFactory open(DataSource ds) {
    SchemaMigration.migrate(ds);
    return Persistence.createEntityManagerFactory(
        "crm", Map.of("javax.persistence.nonJtaDataSource", ds));
  }
}
