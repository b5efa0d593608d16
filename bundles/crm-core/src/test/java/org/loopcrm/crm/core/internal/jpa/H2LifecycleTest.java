package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** The customer lifecycle on H2, the embedded default. */
class H2LifecycleTest extends LifecycleContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
