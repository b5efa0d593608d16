package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Assignment rules on H2, the embedded default. */
class H2AssignmentTest extends AssignmentContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
