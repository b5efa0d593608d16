package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Pipelines and opportunities on H2, the embedded default. */
class H2OpportunitiesTest extends OpportunitiesContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
