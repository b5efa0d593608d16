package org.loopcrm.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.sql.DataSource;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Users and roles from a JDBC realm instead of the properties file: the realm Karaf's {@code
 * JDBCLoginModule} makes of two tables (here in the CRM's own H2 database, as a company would put
 * them in its user database), registered as docs/security.md describes, and named in {@code
 * crm.rest} {@code realm}. Its users log in with their roles; a wrong password and a user without a
 * CRM role are refused; switching back to the properties realm works at runtime.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JdbcRealmIT extends CrmTestSupport {
  private static final String REALM = "crm-jdbc";

  @Test
  public void restUsersComeFromAJdbcRealmWhenCrmRestNamesIt() throws Exception {
    awaitCrmReady();
    DataSource ds =
        waitFor(
            "the crm DataSource",
            Duration.ofSeconds(60),
            () ->
                bundleContext
                    .getServiceReferences(DataSource.class, "(osgi.jndi.service.name=crm)")
                    .stream()
                    .findFirst()
                    .map(bundleContext::getService)
                    .orElse(null));
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "create table it_realm_user (username varchar(100) primary key, password varchar(100))");
      s.execute("create table it_realm_role (username varchar(100), role varchar(100))");
      s.execute("insert into it_realm_user values ('dbsales', 'db-secret'), ('dbnobody', 'x')");
      s.execute("insert into it_realm_role values ('dbsales', 'crm-sales'), ('dbnobody', 'other')");
    }
    ServiceRegistration<JaasRealm> realm =
        bundleContext.registerService(JaasRealm.class, jdbcRealm(), new Hashtable<>());
    try {
      useRealm(REALM);
      HttpResult ok =
          waitFor(
              "a login through the JDBC realm",
              Duration.ofSeconds(60),
              () -> {
                HttpResult r = send("GET", API + "/accounts", "dbsales", "db-secret", null);
                return r.status() == 200 ? r : null;
              });
      assertEquals(200, ok.status());
      HttpResult created =
          send(
              "POST",
              API + "/accounts",
              "dbsales",
              "db-secret",
              "{\"name\":\"JDBC realm account\"}",
              "Content-Type",
              "application/json");
      assertEquals(created.body(), 201, created.status());
      assertTrue(created.body(), created.body().contains("\"owner\":\"dbsales\""));
      assertEquals(401, send("GET", API + "/accounts", "dbsales", "wrong", null).status());
      assertEquals(403, send("GET", API + "/accounts", "dbnobody", "x", null).status());
      // The properties realm's users are not in this realm.
      assertEquals(401, get(API + "/accounts", DemoUser.ADMIN).status());
    } finally {
      useRealm("karaf");
      realm.unregister();
    }
    waitFor(
        "the properties realm again",
        Duration.ofSeconds(60),
        () -> get(API + "/accounts", DemoUser.ADMIN).status() == 200 ? Boolean.TRUE : null);
  }

  private void useRealm(String name) {
    executeCommand("config:property-set -p crm.rest realm " + name);
  }

  /** What Karaf's {@code <jaas:config>} registers for a JDBC login module. */
  private JaasRealm jdbcRealm() {
    Bundle modules =
        java.util.Arrays.stream(bundleContext.getBundles())
            .filter(b -> "org.apache.karaf.jaas.modules".equals(b.getSymbolicName()))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("org.apache.karaf.jaas.modules is not installed"));
    Map<String, Object> options = new HashMap<>();
    options.put(
        ProxyLoginModule.PROPERTY_MODULE, "org.apache.karaf.jaas.modules.jdbc.JDBCLoginModule");
    options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(modules.getBundleId()));
    options.put(BundleContext.class.getName(), modules.getBundleContext());
    options.put("datasource", "osgi:javax.sql.DataSource/(osgi.jndi.service.name=crm)");
    options.put("query.password", "SELECT password FROM it_realm_user WHERE username=?");
    options.put("query.role", "SELECT role FROM it_realm_role WHERE username=?");
    AppConfigurationEntry entry =
        new AppConfigurationEntry(
            ProxyLoginModule.class.getName(),
            AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
            options);
    return new JaasRealm() {
      @Override
      public String getName() {
        return REALM;
      }

      @Override
      public int getRank() {
        return 0;
      }

      @Override
      public AppConfigurationEntry[] getEntries() {
        return new AppConfigurationEntry[] {entry};
      }
    };
  }
}
