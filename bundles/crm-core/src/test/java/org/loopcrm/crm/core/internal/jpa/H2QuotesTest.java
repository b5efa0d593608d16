package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Quotes on H2, the embedded default. */
class H2QuotesTest extends QuotesContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
