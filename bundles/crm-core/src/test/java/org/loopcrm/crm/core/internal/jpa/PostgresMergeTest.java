package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Merging parties on PostgreSQL, the production database. */
class PostgresMergeTest extends MergeContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
