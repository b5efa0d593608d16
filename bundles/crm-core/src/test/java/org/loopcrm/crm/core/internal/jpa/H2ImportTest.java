package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Import jobs on H2, the embedded default. */
class H2ImportTest extends ImportContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
