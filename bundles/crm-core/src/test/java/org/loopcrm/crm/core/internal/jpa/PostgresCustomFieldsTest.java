package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Custom fields on PostgreSQL, the production database (embedded binaries). */
class PostgresCustomFieldsTest extends CustomFieldsContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
