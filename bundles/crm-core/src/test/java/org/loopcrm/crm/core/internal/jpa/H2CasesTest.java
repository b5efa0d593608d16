package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Service cases on H2, the embedded default. */
class H2CasesTest extends CasesContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
