package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Commands to the ERP on H2, the embedded default. */
class H2ErpCommandsTest extends ErpCommandsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
