package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Duplicate detection on H2, the embedded default. */
class H2DuplicatesTest extends DuplicatesContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
