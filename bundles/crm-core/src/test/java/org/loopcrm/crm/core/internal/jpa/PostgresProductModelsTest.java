package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Product models and configurations on PostgreSQL, the production database. */
class PostgresProductModelsTest extends ProductModelsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
