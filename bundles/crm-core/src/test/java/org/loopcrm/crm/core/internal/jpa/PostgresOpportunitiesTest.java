package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Pipelines and opportunities on PostgreSQL, the production database. */
class PostgresOpportunitiesTest extends OpportunitiesContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
