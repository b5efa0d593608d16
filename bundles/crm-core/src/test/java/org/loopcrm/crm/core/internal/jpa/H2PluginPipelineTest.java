package org.loopcrm.crm.core.internal.jpa;

import javax.sql.DataSource;

/** Record plugins on H2. */
class H2PluginPipelineTest extends PluginPipelineContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
