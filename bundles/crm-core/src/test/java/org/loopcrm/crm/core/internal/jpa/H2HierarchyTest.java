package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** The account hierarchy on H2, the embedded default. */
class H2HierarchyTest extends HierarchyContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
