package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Privacy on PostgreSQL, the production database (embedded binaries, no server needed). */
class PostgresPrivacyTest extends PrivacyContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
