package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Engineer-to-order on H2, the embedded default. */
class H2EngineeringTest extends EngineeringContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
