package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Activities, reminders and the timeline on H2, the embedded default. */
class H2ActivityTest extends ActivityContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
