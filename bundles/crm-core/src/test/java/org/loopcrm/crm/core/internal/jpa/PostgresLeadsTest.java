package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Leads on PostgreSQL, the production database. */
class PostgresLeadsTest extends LeadsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
