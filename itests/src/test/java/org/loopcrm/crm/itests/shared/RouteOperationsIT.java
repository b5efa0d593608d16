package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Operations of the routes in the distribution: a canonical fact naming an unknown customer is
 * dead-lettered, listed over REST with its reason and correlation id, retried (it fails again and
 * comes back once), counted on the route list and in the Prometheus metrics; non-admins are
 * refused, unknown queues and messages are 404, and the shell says the same.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class RouteOperationsIT extends CrmTestSupport {
  private static final String DLQ = "crm.erp.facts.DLQ";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\":\"(ID:[^\"]+)\"");

  private ProducerTemplate producer;

  @Before
  public void connect() throws Exception {
    awaitCrmReady();
    CamelContext camel = crmCamelContext();
    waitFor("the facts route", BOOT_TIMEOUT, () -> camel.getRoute("crm-erp-facts") != null);
    producer = camel.createProducerTemplate();
  }

  @After
  public void close() throws Exception {
    producer.close();
  }

  private static String payment(String customer) {
    return "{\"type\":\"payment-received\",\"schemaVersion\":1,\"messageId\":\"m-"
        + UUID.randomUUID()
        + "\",\"erpSystem\":\"sap\",\"customerRef\":\""
        + customer
        + "\",\"paymentRef\":\"P-1\",\"amount\":\"9.95\",\"currency\":\"EUR\","
        + "\"receivedAt\":\"2026-11-20T08:00:00Z\"}";
  }

  private HttpResult deadLetters(String customer, String marker) {
    return waitFor(
        "the dead letter of " + customer + " with " + marker,
        WAIT,
        () -> {
          HttpResult r = get(API + "/integration/dlq/" + DLQ, DemoUser.ADMIN);
          return r.status() == 200 && r.body().contains(customer) && r.body().contains(marker)
              ? r
              : null;
        });
  }

  @Test
  public void aBadFactIsListedRetriedAndCountedOverRest() {
    String customer = "C-unknown-" + UUID.randomUUID();
    producer.sendBodyAndHeader(
        "jms:queue:crm.erp.facts", payment(customer), "CrmCorrelationId", "corr-" + customer);

    HttpResult list = deadLetters(customer, "\"deliveryCount\":1");
    assertTrue(list.body(), list.body().contains("\"reason\":\"unknown customer: "));
    assertTrue(list.body(), list.body().contains("\"originalQueue\":\"crm.erp.facts\""));
    assertTrue(list.body(), list.body().contains("\"correlationId\":\"corr-" + customer + "\""));
    Matcher id = MESSAGE_ID.matcher(list.body());
    assertTrue(list.body(), id.find());

    assertEquals(200, get(API + "/integration/dlq/" + DLQ, DemoUser.INTEGRATION).status());
    assertEquals(403, get(API + "/integration/dlq/" + DLQ, DemoUser.SALES).status());
    String retryOne = "{\"messageId\":\"" + id.group(1) + "\"}";
    assertEquals(
        403,
        post(API + "/integration/dlq/" + DLQ + "/retry", DemoUser.INTEGRATION, retryOne).status());
    assertEquals(404, get(API + "/integration/dlq/crm.nope.DLQ", DemoUser.ADMIN).status());
    assertEquals(
        404,
        post(
                API + "/integration/dlq/" + DLQ + "/retry",
                DemoUser.ADMIN,
                "{\"messageId\":\"ID:no-such-message\"}")
            .status());
    assertEquals(
        422, post(API + "/integration/dlq/" + DLQ + "/retry", DemoUser.ADMIN, "{}").status());

    // The customer is still unknown: the retried fact fails again and is back exactly once.
    HttpResult retried = post(API + "/integration/dlq/" + DLQ + "/retry", DemoUser.ADMIN, retryOne);
    assertEquals(retried.body(), 200, retried.status());
    HttpResult again = deadLetters(customer, "\"deliveryCount\":2");
    assertEquals(again.body(), 1, again.body().split("\"messageId\":\"ID:", -1).length - 1);

    HttpResult routes = get(API + "/integration/routes/crm-erp-facts", DemoUser.ADMIN);
    assertEquals(routes.body(), 200, routes.status());
    assertTrue(routes.body(), routes.body().contains("\"state\":\"STARTED\""));
    assertTrue(routes.body(), routes.body().contains("\"deadLetterQueue\":\"" + DLQ + "\""));
    assertTrue(routes.body(), !routes.body().contains("\"exchangesFailed\":0"));
    assertTrue(
        get(API + "/integration/routes", DemoUser.ADMIN).body().contains("\"id\":\"crm-outbox"));
    assertEquals(404, get(API + "/integration/routes/crm-nope", DemoUser.ADMIN).status());

    HttpResult metrics =
        request(
            "GET",
            API + "/integration/metrics",
            DemoUser.ADMIN,
            null,
            "Accept",
            "text/plain; version=0.0.4");
    assertEquals(metrics.body(), 200, metrics.status());
    assertTrue(
        metrics.body(),
        metrics
            .body()
            .contains("crm_route_exchanges_total{route=\"crm-erp-facts\",result=\"failed\"}"));
    assertTrue(metrics.body(), metrics.body().contains("crm_dead_letter_messages{queue=\"" + DLQ));

    String shell = executeCommand("crm:route-list");
    assertTrue(shell, shell.contains("crm-erp-facts") && shell.contains("STARTED"));
    String unknown = executeCommand("crm:dlq-list crm.nope.DLQ");
    assertTrue(unknown, unknown.contains("Error: dead-letter queue crm.nope.DLQ does not exist"));
  }
}
