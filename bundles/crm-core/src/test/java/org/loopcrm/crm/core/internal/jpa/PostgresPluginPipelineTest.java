package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Record plugins on PostgreSQL. */
class PostgresPluginPipelineTest extends PluginPipelineContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.postgres();
  }
}
