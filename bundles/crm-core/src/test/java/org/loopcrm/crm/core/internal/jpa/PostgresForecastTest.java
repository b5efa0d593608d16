package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** The forecast on PostgreSQL, the production database. */
class PostgresForecastTest extends ForecastContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
