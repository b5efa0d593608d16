package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Commands to the ERP on PostgreSQL, the production database. */
class PostgresErpCommandsTest extends ErpCommandsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
