package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** The services on H2, the embedded default. */
class H2CrmServicesTest extends CrmServicesContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
