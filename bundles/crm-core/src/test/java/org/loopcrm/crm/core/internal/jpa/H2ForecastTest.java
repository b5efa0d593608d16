package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** The forecast on H2, the embedded default. */
class H2ForecastTest extends ForecastContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
