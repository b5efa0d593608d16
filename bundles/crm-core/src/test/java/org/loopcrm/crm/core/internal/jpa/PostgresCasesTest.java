package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Service cases on PostgreSQL, the production database. */
class PostgresCasesTest extends CasesContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
