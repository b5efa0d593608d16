package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** ERP facts on the account on H2, the embedded default. */
class H2ErpFactsTest extends ErpFactsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
