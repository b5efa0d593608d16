package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Product models and configurations on H2, the embedded default. */
class H2ProductModelsTest extends ProductModelsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
