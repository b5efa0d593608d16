package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
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
 * GDPR in the distribution: consent over REST, the data-subject export, an erasure refused by open
 * receivables (a real "invoice posted" message through the broker), and an erasure that anonymises
 * the contact, redacts its audit history and sends the erasure command to {@code crm.erp.erasure}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PrivacyIT extends CrmTestSupport {
  private static final String INBOUND = "jms:queue:crm.erp.invoice-posted";
  private static final String ERASURE_QUEUE = "jms:queue:crm.erp.erasure";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private ProducerTemplate producer;
  private ConsumerTemplate consumer;

  @Before
  public void ready() throws Exception {
    awaitCrmReady();
    // Sales owns the accounts here; marketing and the viewer see them as its team mates.
    ensureTeam("Privacy desk", DemoUser.SALES, DemoUser.MARKETING, DemoUser.VIEWER);
    CamelContext camel = crmCamelContext();
    waitFor(
        "the erasure command route to start",
        BOOT_TIMEOUT,
        () -> {
          var route = camel.getRouteController().getRouteStatus("crm-erp-erasure-command");
          return route != null && route.isStarted();
        });
    producer = camel.createProducerTemplate();
    consumer = camel.createConsumerTemplate();
  }

  @After
  public void close() throws Exception {
    producer.close();
    consumer.close();
  }

  private String createAccount(String erpRef) {
    HttpResult r =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"Privacy " + erpRef + "\",\"erpRef\":\"" + erpRef + "\"}");
    assertEquals(r.toString(), 201, r.status());
    return idOf(r);
  }

  private String addContact(String accountId, String lastName, String email) {
    HttpResult r =
        post(
            API + "/accounts/" + accountId + "/contacts",
            DemoUser.SALES,
            "{\"firstName\":\"Grace\",\"lastName\":\""
                + lastName
                + "\",\"email\":\""
                + email
                + "\",\"phone\":\"+1 555 0100\",\"title\":\"Rear Admiral\"}");
    assertEquals(r.toString(), 201, r.status());
    return idOf(r);
  }

  @Test
  public void consentExportAndErasureEndToEnd() {
    String ref = "P-" + UUID.randomUUID();
    String account = createAccount(ref);
    String lastName = "Hopper" + UUID.randomUUID().toString().substring(0, 8);
    String email = lastName.toLowerCase() + "@navy.example";
    String contact = addContact(account, lastName, email);
    String consents = API + "/accounts/" + account + "/contacts/" + contact + "/consents";

    // Consent: marketing records, a viewer reads, a viewer may not record.
    HttpResult granted =
        post(
            consents,
            DemoUser.MARKETING,
            "{\"purpose\":\"newsletter\",\"channel\":\"EMAIL\",\"status\":\"GRANTED\","
                + "\"source\":\"web-form\",\"evidence\":\"form v3 for "
                + email
                + "\"}");
    assertEquals(granted.toString(), 201, granted.status());
    assertTrue(granted.body(), granted.body().contains("\"recordedBy\":\"marketing\""));
    HttpResult current = get(consents, DemoUser.VIEWER);
    assertEquals(current.toString(), 200, current.status());
    assertTrue(current.body(), current.body().contains("\"status\":\"GRANTED\""));
    assertEquals(
        403,
        post(
                consents,
                DemoUser.VIEWER,
                "{\"purpose\":\"newsletter\",\"channel\":\"EMAIL\",\"status\":\"WITHDRAWN\","
                    + "\"source\":\"x\"}")
            .status());
    assertEquals(
        422,
        post(
                consents,
                DemoUser.MARKETING,
                "{\"purpose\":\"News Letter\",\"channel\":\"EMAIL\",\"status\":\"GRANTED\","
                    + "\"source\":\"x\"}")
            .status());

    // Export: one document, crm-admin only.
    HttpResult export = get(API + "/privacy/subjects/" + contact + "/export", DemoUser.ADMIN);
    assertEquals(export.toString(), 200, export.status());
    assertTrue(export.body(), export.body().contains("\"email\":\"" + email + "\""));
    assertTrue(export.body(), export.body().contains("\"erpRef\":\"" + ref + "\""));
    assertTrue(export.body(), export.body().contains("\"purpose\":\"newsletter\""));
    assertTrue(export.body(), export.body().contains("\"action\":\"EXPORT\""));
    assertEquals(
        403, get(API + "/privacy/subjects/" + contact + "/export", DemoUser.SALES).status());

    // Erasure: anonymised, audited with the channel, old values gone, command on the queue.
    HttpResult erased =
        post(API + "/privacy/erasures", DemoUser.ADMIN, "{\"subjectId\":\"" + contact + "\"}");
    assertEquals(erased.toString(), 201, erased.status());
    assertTrue(erased.body(), erased.body().contains("\"status\":\"COMPLETED\""));
    String requestId = idOf(erased);
    assertTrue(erased.toString(), erased.header("Location").orElse("").endsWith(requestId));

    HttpResult read = get(API + "/accounts/" + account + "/contacts/" + contact, DemoUser.SALES);
    assertEquals(read.toString(), 200, read.status());
    assertTrue(read.body(), read.body().contains("\"lastName\":\"Erased\""));
    assertTrue(read.body(), read.body().contains("\"email\":null"));
    assertFalse(read.body(), read.body().contains(lastName));

    HttpResult history = get(API + "/audit?recordType=contact&recordId=" + contact, DemoUser.ADMIN);
    assertEquals(history.toString(), 200, history.status());
    assertTrue(history.body(), history.body().contains("\"action\":\"ERASE\""));
    assertTrue(
        history.body(),
        history
            .body()
            .matches("(?s).*\"action\":\"ERASE\",\"user\":\"admin\",\"channel\":\"REST\".*"));
    assertTrue(history.body(), history.body().contains("(erased)"));
    assertFalse(history.body(), history.body().contains(lastName));
    assertFalse(history.body(), history.body().contains(email));
    assertFalse(history.body(), history.body().contains("Rear Admiral"));

    HttpResult again =
        post(API + "/privacy/erasures", DemoUser.ADMIN, "{\"subjectId\":\"" + contact + "\"}");
    assertEquals(again.toString(), 409, again.status());
    assertTrue(again.body(), again.body().contains("erased already"));

    String command = erasureCommandFor(contact);
    assertTrue(command, command.contains("\"type\":\"erase-party\""));
    assertTrue(command, command.contains("\"requestId\":\"" + requestId + "\""));
    assertTrue(command, command.contains("\"erpRefs\":[\"" + ref + "\"]"));
    assertFalse(command, command.contains(lastName));
    assertFalse(command, command.contains(email));

    HttpResult listed = get(API + "/privacy/erasures", DemoUser.ADMIN);
    assertEquals(listed.toString(), 200, listed.status());
    assertTrue(listed.body(), listed.body().contains(requestId));
    assertEquals(403, get(API + "/privacy/erasures", DemoUser.MANAGER).status());
  }

  @Test
  public void openReceivablesRefuseTheErasureWithTheReason() {
    String ref = "P-" + UUID.randomUUID();
    String account = createAccount(ref);
    String contact = addContact(account, "Held", "held@example.com");
    producer.sendBody(
        INBOUND,
        "{\"schemaVersion\":1,\"messageId\":\"m-"
            + UUID.randomUUID()
            + "\",\"erpSystem\":\"tryton\",\"customerRef\":\""
            + ref
            + "\",\"invoiceNumber\":\"INV-GDPR\",\"amount\":\"240.50\",\"currency\":\"EUR\","
            + "\"postedAt\":\"2026-11-23T10:00:00Z\"}");
    waitFor(
        "the invoice applied",
        WAIT,
        () -> get(API + "/accounts/" + account, DemoUser.SALES).body().contains("\"open\":240.5"));

    HttpResult refused =
        post(API + "/privacy/erasures", DemoUser.ADMIN, "{\"subjectId\":\"" + contact + "\"}");

    assertEquals(refused.toString(), 409, refused.status());
    assertTrue(
        refused.toString(),
        refused.header("Content-Type").orElse("").startsWith("application/problem+json"));
    assertTrue(refused.body(), refused.body().contains("/problems/erasure-refused"));
    assertTrue(refused.body(), refused.body().contains("open receivables of 240.5 EUR"));
    assertTrue(refused.body(), refused.body().contains("\"kind\":\"OPEN_RECEIVABLES\""));
    assertTrue(refused.body(), refused.body().contains("\"status\":\"REFUSED\""));
    HttpResult read = get(API + "/accounts/" + account + "/contacts/" + contact, DemoUser.SALES);
    assertTrue(read.body(), read.body().contains("\"lastName\":\"Held\""));
    String location = refused.header("Location").orElseThrow();
    HttpResult kept = get(location.substring(location.indexOf(API)), DemoUser.ADMIN);
    assertEquals(kept.toString(), 200, kept.status());
    assertTrue(kept.body(), kept.body().contains("\"status\":\"REFUSED\""));
  }

  /** The erasure command for the subject on {@code crm.erp.erasure}; fails after the wait. */
  private String erasureCommandFor(String subjectId) {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      Exchange e = consumer.receive(ERASURE_QUEUE, 1000);
      if (e != null) {
        String body = e.getMessage().getBody(String.class);
        if (body.contains("\"subjectId\":\"" + subjectId + "\"")) {
          return body;
        }
      }
    }
    throw new AssertionError("no erasure command for " + subjectId + " on crm.erp.erasure");
  }
}
