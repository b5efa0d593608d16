package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Custom fields on H2, the embedded default. */
class H2CustomFieldsTest extends CustomFieldsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
