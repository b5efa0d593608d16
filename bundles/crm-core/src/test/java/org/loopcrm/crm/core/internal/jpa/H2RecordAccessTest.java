package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Record-level access on H2, the embedded default. */
class H2RecordAccessTest extends RecordAccessContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
