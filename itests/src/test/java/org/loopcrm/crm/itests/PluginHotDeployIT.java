package org.loopcrm.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A record plugin is a bundle: dropped into {@code deploy/} of the running container it takes
 * effect without a restart (its veto reaches REST as 422 plugin-veto), and removed again it is
 * gone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginHotDeployIT extends CrmTestSupport {
  private static final String JAR = "crm.plugin.example.jar";

  @Override
  protected Option[] additionalOptions() {
    File jar = new File(System.getProperty(JAR));
    if (!jar.isFile()) {
      throw new IllegalStateException("build bundles/crm-plugin-example first: " + jar);
    }
    return new Option[] {systemProperty(JAR).value(jar.getAbsolutePath())};
  }

  private HttpResult createCustomerWithoutErpRef() {
    return post(
        API + "/accounts",
        DemoUser.SALES,
        "{\"name\":\"Hot " + UUID.randomUUID() + "\",\"stage\":\"CUSTOMER\"}");
  }

  @Test
  public void aPluginDroppedIntoDeployTakesEffectAndLeavesWhenRemoved() throws Exception {
    awaitCrmReady();
    assertEquals(201, createCustomerWithoutErpRef().status());

    Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", "crm-plugin-example.jar");
    Files.copy(Path.of(System.getProperty(JAR)), deployed, StandardCopyOption.REPLACE_EXISTING);
    HttpResult vetoed =
        waitFor(
            "the plugin to veto",
            BOOT_TIMEOUT,
            () -> {
              HttpResult r = createCustomerWithoutErpRef();
              return r.status() == 422 ? r : null;
            });
    assertTrue(
        vetoed.toString(), vetoed.body().contains("https://loopcrm.org/problems/plugin-veto"));
    assertTrue(vetoed.toString(), vetoed.body().contains("needs an ERP reference"));
    HttpResult linked =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"Linked "
                + UUID.randomUUID()
                + "\",\"stage\":\"CUSTOMER\",\"erpRef\":\"P-"
                + UUID.randomUUID()
                + "\"}");
    assertEquals(linked.toString(), 201, linked.status());

    Files.delete(deployed);
    waitFor(
        "the plugin to be gone", BOOT_TIMEOUT, () -> createCustomerWithoutErpRef().status() == 201);
  }
}
