package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Privacy on H2, the embedded default. */
class H2PrivacyTest extends PrivacyContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
