package org.loopcrm.crm.core.internal.jpa;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the {@code crm} database to the current schema with the versioned Liquibase changelog
 * before any service uses it. The services reference this component, so none of them is registered
 * until the migration has succeeded; a failed migration leaves the CRM visibly down.
 */
@Component(service = SchemaMigration.class, immediate = true)
public final class SchemaMigration {
  static final String CHANGELOG = "db/changelog/crm-changelog.xml";
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

  /** Migrates the data source registered by pax-jdbc-config as {@code crm}. */
  @Activate
  public SchemaMigration(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource ds) {
    migrate(ds);
  }

  /** Applies every pending change set; safe to call on an up-to-date database. */
  public static void migrate(DataSource ds) {
    ClassLoader loader = SchemaMigration.class.getClassLoader();
    long start = System.nanoTime();
    try {
      Scope.child(
          // Liquibase's progress goes to the log, not to the console of the container.
          Map.of(
              Scope.Attr.classLoader.name(), loader, Scope.Attr.ui.name(), new LoggerUIService()),
          () -> {
            try (Connection c = ds.getConnection()) {
              Database db =
                  DatabaseFactory.getInstance()
                      .findCorrectDatabaseImplementation(new JdbcConnection(c));
              Liquibase liquibase =
                  new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(loader), db);
              liquibase.update(new Contexts(), new LabelExpression());
            }
          });
    } catch (Exception e) {
      throw new IllegalStateException(
          "the crm database could not be migrated: " + e.getMessage(), e);
    }
    LOG.info("crm schema is current ({} ms)", (System.nanoTime() - start) / 1_000_000);
  }
}
