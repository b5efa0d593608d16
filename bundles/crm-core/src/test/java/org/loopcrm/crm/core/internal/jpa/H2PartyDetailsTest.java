package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Party details on H2, the embedded default. */
class H2PartyDetailsTest extends PartyDetailsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
