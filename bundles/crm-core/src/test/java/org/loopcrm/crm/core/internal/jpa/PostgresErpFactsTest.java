package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** ERP facts on the account on PostgreSQL, the production database. */
class PostgresErpFactsTest extends ErpFactsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
