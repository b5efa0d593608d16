package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Party details on PostgreSQL, the production database (embedded binaries, no server needed). */
class PostgresPartyDetailsTest extends PartyDetailsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
