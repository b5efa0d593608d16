package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** The customer lifecycle on PostgreSQL, the production database. */
class PostgresLifecycleTest extends LifecycleContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
