package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/**
 * Duplicate detection on PostgreSQL, the production database (embedded binaries, no server needed).
 */
class PostgresDuplicatesTest extends DuplicatesContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
