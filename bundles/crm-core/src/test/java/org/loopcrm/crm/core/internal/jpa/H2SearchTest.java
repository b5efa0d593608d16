package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Search on H2, the embedded default. */
class H2SearchTest extends SearchContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
