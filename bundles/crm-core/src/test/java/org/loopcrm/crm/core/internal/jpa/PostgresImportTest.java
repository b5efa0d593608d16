package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Import jobs on PostgreSQL, the production database (embedded binaries, no server needed). */
class PostgresImportTest extends ImportContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
