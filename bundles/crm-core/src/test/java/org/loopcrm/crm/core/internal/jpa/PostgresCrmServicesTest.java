package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** The services on PostgreSQL, the production database (embedded binaries, no server needed). */
class PostgresCrmServicesTest extends CrmServicesContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
