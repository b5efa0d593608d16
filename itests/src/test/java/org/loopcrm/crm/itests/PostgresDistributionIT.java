package org.loopcrm.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * The distribution on PostgreSQL: the shipped PostgreSQL DataSource file is the only change, and
 * the CRM migrates the empty database, serves the API and stores accounts there.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresDistributionIT extends CrmTestSupport {

  @Override
  protected Option[] additionalOptions() {
    int port = EmbeddedPostgresServer.start();
    return new Option[] {
      replaceConfigurationFile(
          "etc/org.ops4j.datasource-crm.cfg", EmbeddedPostgresServer.datasourceConfiguration(port))
    };
  }

  @Test
  public void accountsAreStoredInPostgresql() throws Exception {
    awaitCrmReady();
    String name = "On PostgreSQL " + UUID.randomUUID();
    HttpResult created = post(API + "/accounts", DemoUser.SALES, "{\"name\":\"" + name + "\"}");
    assertEquals(created.toString(), 201, created.status());
    String id = idOf(created);

    ServiceReference<DataSource> ref =
        bundleContext
            .getServiceReferences(DataSource.class, "(osgi.jndi.service.name=crm)")
            .iterator()
            .next();
    DataSource ds = bundleContext.getService(ref);
    try (Connection c = ds.getConnection()) {
      assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
      try (PreparedStatement s =
          c.prepareStatement("select name from crm_organization where party_id = ?")) {
        s.setString(1, id);
        try (ResultSet rs = s.executeQuery()) {
          assertTrue("the account is in PostgreSQL", rs.next());
          assertEquals(name, rs.getString(1));
        }
      }
      try (PreparedStatement s = c.prepareStatement("select count(*) from databasechangelog");
          ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        assertTrue("Liquibase ran its change sets", rs.getInt(1) >= 3);
      }
    } finally {
      bundleContext.ungetService(ref);
    }
  }
}
