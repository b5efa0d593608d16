package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Merging parties on H2, the embedded default. */
class H2MergeTest extends MergeContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
