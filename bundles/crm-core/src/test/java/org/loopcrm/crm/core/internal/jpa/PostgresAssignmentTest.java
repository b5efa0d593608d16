package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Assignment rules on PostgreSQL, the production database. */
class PostgresAssignmentTest extends AssignmentContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
