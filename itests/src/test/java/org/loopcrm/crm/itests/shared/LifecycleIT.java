package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loopcrm.crm.itests.CrmTestSupport;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The customer lifecycle in the distribution: ERP invoices arriving on the inbound queue move an
 * account's stage by the configured rules, every move is in the account's transitions and timeline,
 * people cannot move an account with purchases, and the rules, the sweep and the shell commands
 * answer with the permission matrix.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class LifecycleIT extends CrmTestSupport {
  private static final String INBOUND = "jms:queue:crm.erp.invoice-posted";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private ProducerTemplate producer;

  @Before
  public void connect() throws Exception {
    awaitCrmReady();
    CamelContext camel = crmCamelContext();
    waitFor("the CRM's routes to start", BOOT_TIMEOUT, () -> camel.getRoutes().size() >= 2);
    producer = camel.createProducerTemplate();
  }

  @After
  public void close() throws Exception {
    producer.close();
  }

  private static String invoice(String ref, String number, String amount) {
    return "{\"schemaVersion\":1,\"messageId\":\"m-"
        + UUID.randomUUID()
        + "\",\"erpSystem\":\"tryton\",\"customerRef\":\""
        + ref
        + "\",\"invoiceNumber\":\""
        + number
        + "\",\"amount\":\""
        + amount
        + "\",\"currency\":\"EUR\",\"postedAt\":\"2026-11-23T10:00:00Z\"}";
  }

  private String stageOf(String id) {
    HttpResult r = get(API + "/accounts/" + id + "/lifecycle", DemoUser.SALES);
    assertEquals(r.toString(), 200, r.status());
    return r.body().replaceAll(".*\"stage\":\"([A-Z_]+)\".*", "$1");
  }

  @Test
  public void invoicesMoveTheStageAndEveryMoveIsRecorded() {
    String ref = "LC-" + UUID.randomUUID();
    HttpResult created =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"Lifecycle " + ref + "\",\"erpRef\":\"" + ref + "\"}");
    assertEquals(created.toString(), 201, created.status());
    String id = idOf(created);
    HttpResult before = get(API + "/accounts/" + id + "/lifecycle", DemoUser.SALES);
    assertTrue(before.body(), before.body().contains("\"stage\":\"PROSPECT\""));
    assertTrue(before.body(), before.body().contains("\"purchases\":0"));

    producer.sendBody(INBOUND, invoice(ref, "INV-L1", "500.00"));
    waitFor("the first invoice to make a customer", WAIT, () -> stageOf(id).equals("CUSTOMER"));
    producer.sendBody(INBOUND, invoice(ref, "INV-L2", "80.00"));
    waitFor(
        "the second invoice to make a repeat customer", WAIT, () -> stageOf(id).equals("REPEAT"));

    HttpResult transitions =
        get(API + "/accounts/" + id + "/lifecycle/transitions", DemoUser.SALES);
    assertEquals(transitions.toString(), 200, transitions.status());
    String t = transitions.body();
    assertTrue(t, t.indexOf("\"to\":\"REPEAT\"") < t.indexOf("\"to\":\"CUSTOMER\""));
    assertTrue(t, t.contains("\"rule\":\"REPEAT: purchases >= 2\""));
    assertTrue(t, t.contains("\"cause\":\"CREATED\""));
    assertTrue(t, t.contains("\"user\":\"lifecycle\""));

    HttpResult timeline =
        get(API + "/accounts/" + id + "/timeline?kind=invoice&kind=lifecycle", DemoUser.SALES);
    assertEquals(timeline.toString(), 200, timeline.status());
    assertTrue(timeline.body(), timeline.body().contains("\"kind\":\"invoice.posted\""));
    assertTrue(timeline.body(), timeline.body().contains("INV-L2"));
    assertTrue(timeline.body(), timeline.body().contains("\"kind\":\"lifecycle.repeat\""));

    // People do not move an account with purchases: the rules do.
    HttpResult account = get(API + "/accounts/" + id, DemoUser.SALES);
    String etag = account.header("ETag").orElseThrow();
    HttpResult churn =
        request(
            "PUT",
            API + "/accounts/" + id,
            DemoUser.SALES,
            "{\"name\":\"Lifecycle "
                + ref
                + "\",\"erpRef\":\""
                + ref
                + "\",\"owner\":\"sales\",\"stage\":\"CHURNED\"}",
            "Content-Type",
            "application/json",
            "If-Match",
            etag);
    assertEquals(churn.toString(), 409, churn.status());
    assertTrue(churn.body(), churn.body().contains("has purchases"));
    assertTrue(
        churn.toString(),
        churn.header("Content-Type").orElse("").startsWith("application/problem+json"));

    assertTrue(executeCommand("crm:lifecycle " + id).contains("REPEAT: purchases >= 2"));
  }

  @Test
  public void rulesSweepAndStagesAnswerWithTheirRules() {
    HttpResult rules = get(API + "/lifecycle/rules", DemoUser.VIEWER);
    assertEquals(rules.toString(), 200, rules.status());
    assertTrue(rules.body(), rules.body().contains("\"condition\":\"purchasesInWindow >= 5\""));

    assertEquals(403, post(API + "/lifecycle/evaluate", DemoUser.SALES, null).status());
    HttpResult sweep = post(API + "/lifecycle/evaluate", DemoUser.ADMIN, null);
    assertEquals(sweep.toString(), 200, sweep.status());
    assertTrue(sweep.body(), sweep.body().contains("\"examined\":"));

    HttpResult loyal =
        post(API + "/accounts", DemoUser.SALES, "{\"name\":\"Born loyal\",\"stage\":\"LOYAL\"}");
    assertEquals(loyal.toString(), 422, loyal.status());
    assertTrue(loyal.body(), loyal.body().contains("reached through the lifecycle rules"));

    HttpResult suspect =
        post(API + "/accounts", DemoUser.SALES, "{\"name\":\"A suspect\",\"stage\":\"SUSPECT\"}");
    assertEquals(suspect.toString(), 201, suspect.status());
    assertTrue(suspect.body(), suspect.body().contains("\"stage\":\"SUSPECT\""));

    assertTrue(executeCommand("crm:lifecycle-rules").contains("daysSinceLastPurchase >= 365"));
    assertTrue(executeCommand("crm:lifecycle-evaluate").contains("accounts with purchases"));
  }
}
