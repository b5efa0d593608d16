package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Leads on H2, the embedded default. */
class H2LeadsTest extends LeadsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
