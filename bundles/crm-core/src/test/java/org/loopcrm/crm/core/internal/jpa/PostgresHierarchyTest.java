package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** The account hierarchy on PostgreSQL, the production database. */
class PostgresHierarchyTest extends HierarchyContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
