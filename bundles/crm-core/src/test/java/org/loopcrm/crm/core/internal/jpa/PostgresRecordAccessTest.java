package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Record-level access on PostgreSQL, the production database. */
class PostgresRecordAccessTest extends RecordAccessContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
