package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Activities, reminders and the timeline on PostgreSQL (embedded binaries, no server needed). */
class PostgresActivityTest extends ActivityContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
