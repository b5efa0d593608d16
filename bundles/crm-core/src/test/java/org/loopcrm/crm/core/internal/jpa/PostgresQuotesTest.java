package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Quotes on PostgreSQL, the production database. */
class PostgresQuotesTest extends QuotesContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
