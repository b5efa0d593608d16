package org.loopcrm.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loopcrm.crm.api.event.OutboxService;
import org.loopcrm.crm.api.plugin.RecordPlugin;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A record plugin is a bundle: dropped into {@code deploy/} of the running container it takes
 * effect without a restart (its veto reaches REST as 422 plugin-veto; its ASYNC plugin changes an
 * account after the create committed, through the outbox, the plugin queue and the route, visible
 * in the history with channel PLUGIN), and removed again it is gone.
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

  private static final String ASYNC_KEY = "crm-plugin-example.erp-linked-prospect-becomes-customer";

  private String createLinkedProspect() {
    HttpResult created =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"Async "
                + UUID.randomUUID()
                + "\",\"stage\":\"PROSPECT\",\"erpRef\":\"P-"
                + UUID.randomUUID()
                + "\"}");
    assertEquals(created.toString(), 201, created.status());
    assertTrue(created.toString(), created.body().contains("\"stage\":\"PROSPECT\""));
    return idOf(created);
  }

  private boolean asyncPluginRegistered() throws Exception {
    return !bundleContext
        .getServiceReferences(RecordPlugin.class, "(" + RecordPlugin.KEY + "=" + ASYNC_KEY + ")")
        .isEmpty();
  }

  private long outboxPending() {
    OutboxService outbox =
        bundleContext.getService(bundleContext.getServiceReference(OutboxService.class));
    return outbox.pendingCount();
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
    // The viewer reads what sales creates here: they are team mates (record-level access).
    ensureTeam("Sales", DemoUser.SALES, DemoUser.VIEWER);
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

    // The ASYNC plugin: after the create commits, its job goes through the outbox, the relay, the
    // plugin queue and the route; the plugin then updates the account as channel PLUGIN.
    waitFor("the ASYNC plugin to be registered", BOOT_TIMEOUT, this::asyncPluginRegistered);
    String promoted = createLinkedProspect();
    waitFor(
        "the ASYNC plugin to make the prospect a customer",
        Duration.ofMinutes(1),
        () ->
            get(API + "/accounts/" + promoted, DemoUser.VIEWER)
                .body()
                .contains("\"stage\":\"CUSTOMER\""));
    String history = get(API + "/accounts/" + promoted + "/history", DemoUser.VIEWER).body();
    assertTrue(history, history.contains("\"channel\":\"PLUGIN\""));
    assertTrue(history, history.contains("\"user\":\"sales\""));
    assertTrue(
        history,
        history.contains(
            "\"field\":\"stage\",\"oldValue\":\"PROSPECT\",\"newValue\":\"CUSTOMER\""));

    Files.delete(deployed);
    waitFor(
        "the plugin to be gone", BOOT_TIMEOUT, () -> createCustomerWithoutErpRef().status() == 201);
    waitFor("the ASYNC plugin to be gone", BOOT_TIMEOUT, () -> !asyncPluginRegistered());
    String untouched = createLinkedProspect();
    // No plugin, no job: once the relay has sent everything, the account is as it was created.
    waitFor("the outbox to be relayed", Duration.ofMinutes(1), () -> outboxPending() == 0);
    HttpResult after = get(API + "/accounts/" + untouched, DemoUser.VIEWER);
    assertTrue(after.toString(), after.body().contains("\"stage\":\"PROSPECT\""));
    String untouchedHistory =
        get(API + "/accounts/" + untouched + "/history", DemoUser.VIEWER).body();
    assertFalse(untouchedHistory, untouchedHistory.contains("PLUGIN"));
  }
}
