package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Engineer-to-order on PostgreSQL, the production database. */
class PostgresEngineeringTest extends EngineeringContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
