package org.loopcrm.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Events through the embedded Artemis broker: account changes leave through the outbox to the
 * {@code crm.events} topic, in order, also when the relay was down at commit time; "invoice posted"
 * facts arrive on their queue, a redelivered one has no second effect and a malformed one lands on
 * the dead-letter queue with the reason.
 *
 * <p>The test listens and sends through the CRM's own CamelContext (its JMS connection to the
 * broker over TCP); the subscriber is a route the test adds and removes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventsIT extends CrmTestSupport {
  private static final String LISTENER = "it-events-listener";
  private static final String SEEN = "seda:it-events?size=10000";
  private static final String INBOUND = "jms:queue:crm.erp.invoice-posted";
  private static final String DLQ = "jms:queue:crm.erp.invoice-posted.DLQ";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static final String RECEIVER_PORT = "crm.itest.webhook.port";

  private CamelContext camel;

  @Override
  protected Option[] additionalOptions() {
    return new Option[] {
      systemProperty(RECEIVER_PORT).value(Integer.toString(WebhookReceiver.start()))
    };
  }

  private ProducerTemplate producer;
  private ConsumerTemplate consumer;

  @Before
  public void listen() throws Exception {
    awaitCrmReady();
    camel = crmCamelContext();
    waitFor("the CRM's routes to start", BOOT_TIMEOUT, () -> camel.getRoutes().size() >= 2);
    producer = camel.createProducerTemplate();
    consumer = camel.createConsumerTemplate();
    if (camel.getRoute(LISTENER) == null) {
      camel.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              // Durable: events published while the test re-subscribes are kept for it.
              from("jms:topic:crm.events?clientId=crm-it&durableSubscriptionName=crm-it")
                  .routeId(LISTENER)
                  .to(SEEN);
            }
          });
    }
    waitFor(
        "the test's topic subscription",
        WAIT,
        () -> camel.getRouteController().getRouteStatus(LISTENER).isStarted());
  }

  @After
  public void close() throws Exception {
    producer.close();
    consumer.close();
  }

  private String createAccount(String json) {
    HttpResult r = post(API + "/accounts", DemoUser.SALES, json);
    assertEquals(r.toString(), 201, r.status());
    return idOf(r);
  }

  /** The events of one account seen on the topic, until {@code count} have arrived. */
  private List<Exchange> eventsOf(String accountId, int count) {
    List<Exchange> mine = new ArrayList<>();
    Instant deadline = Instant.now().plus(WAIT);
    while (mine.size() < count && Instant.now().isBefore(deadline)) {
      Exchange e = consumer.receive(SEEN, 500);
      if (e != null && accountId.equals(e.getMessage().getHeader("CrmAggregateId", String.class))) {
        mine.add(e);
      }
    }
    assertEquals("events of account " + accountId + " on crm.events", count, mine.size());
    return mine;
  }

  private static String type(Exchange e) {
    return e.getMessage().getHeader("CrmEventType", String.class);
  }

  @Test
  public void accountChangesArriveOnTheTopicInOrder() {
    String name = "Evented " + UUID.randomUUID();
    String id = createAccount("{\"name\":\"" + name + "\"}");
    HttpResult updated =
        request(
            "PUT",
            API + "/accounts/" + id,
            DemoUser.SALES,
            "{\"name\":\"" + name + "\",\"owner\":\"sales\",\"stage\":\"CUSTOMER\"}",
            "Content-Type",
            "application/json",
            "If-Match",
            "\"0\"");
    assertEquals(updated.toString(), 200, updated.status());
    assertEquals(
        200,
        request(
                "POST",
                API + "/accounts/" + id + "/archive",
                DemoUser.SALES,
                null,
                "If-Match",
                "\"1\"")
            .status());

    List<Exchange> events = eventsOf(id, 3);
    assertEquals("account.created", type(events.get(0)));
    assertEquals("account.updated", type(events.get(1)));
    assertEquals("account.archived", type(events.get(2)));
    String body = events.get(0).getMessage().getBody(String.class);
    assertTrue(body, body.contains("\"name\":\"" + name + "\""));
    assertNotNull(events.get(0).getMessage().getHeader("CrmEventId"));
    assertEquals(id, events.get(0).getMessage().getHeader("JMSXGroupID"));
  }

  @Test
  public void anEventCommittedWhileTheRelayIsDownIsSentWhenItComesBack() throws Exception {
    Bundle routes =
        java.util.Arrays.stream(bundleContext.getBundles())
            .filter(b -> "org.loopcrm.crm-routes".equals(b.getSymbolicName()))
            .findFirst()
            .orElseThrow();
    // Take the relay away the hard way: the whole routes bundle, CamelContext included.
    routes.stop();
    String id;
    try {
      id = createAccount("{\"name\":\"While down " + UUID.randomUUID() + "\"}");
    } finally {
      routes.start();
    }
    listen();
    List<Exchange> events = eventsOf(id, 1);
    assertEquals("account.created", type(events.get(0)));
  }

  @Test
  public void aRedeliveredInvoiceHasOneEffect() {
    String ref = "P-" + UUID.randomUUID();
    String id = createAccount("{\"name\":\"Invoiced " + ref + "\",\"erpRef\":\"" + ref + "\"}");
    String first = invoice("m-" + UUID.randomUUID(), ref, "INV-1", "1250.50");
    producer.sendBody(INBOUND, first);
    producer.sendBody(INBOUND, first);
    producer.sendBody(INBOUND, invoice("m-" + UUID.randomUUID(), ref, "INV-2", "100"));

    String account =
        waitFor(
            "both distinct invoices applied",
            WAIT,
            () -> {
              String body = get(API + "/accounts/" + id, DemoUser.SALES).body();
              return body.contains("\"invoiceCount\":2") ? body : null;
            });
    assertTrue(account, account.contains("\"open\":1350.5"));
    assertTrue(account, account.contains("\"currency\":\"EUR\""));
    assertTrue(account, account.contains("\"lastInvoice\":\"INV-2\""));
  }

  @Test
  public void malformedAndUnknownFactsGoToTheDeadLetterQueueWithTheReason() {
    String garbage = "{ this is not json " + UUID.randomUUID();
    producer.sendBody(INBOUND, garbage);
    Exchange dead = deadLetterWithBody(garbage);
    String reason = dead.getMessage().getHeader("CrmDeadLetterReason", String.class);
    assertNotNull(reason);
    assertTrue(reason, reason.toLowerCase().contains("json"));

    String ref = "NOBODY-" + UUID.randomUUID();
    String unknown = invoice("m-" + UUID.randomUUID(), ref, "INV-9", "10");
    producer.sendBody(INBOUND, unknown);
    String why =
        deadLetterWithBody(unknown).getMessage().getHeader("CrmDeadLetterReason", String.class);
    assertTrue(why, why.contains(ref));

    String missing = "{\"schemaVersion\":1,\"messageId\":\"m-" + UUID.randomUUID() + "\"}";
    producer.sendBody(INBOUND, missing);
    String fields =
        deadLetterWithBody(missing).getMessage().getHeader("CrmDeadLetterReason", String.class);
    assertTrue(fields, fields.contains("customerRef"));
  }

  @Test
  public void subscribedWebhooksGetSignedEvents() throws Exception {
    String secret = "it-secret-" + UUID.randomUUID();
    String port = System.getProperty(RECEIVER_PORT);
    HttpResult subscribed =
        post(
            API + "/webhooks",
            DemoUser.ADMIN,
            "{\"url\":\"http://127.0.0.1:"
                + port
                + "/hook\",\"eventTypes\":[\"account.created\"],"
                + "\"secret\":\""
                + secret
                + "\"}");
    assertEquals(subscribed.toString(), 201, subscribed.status());
    assertTrue(subscribed.body(), !subscribed.body().contains(secret));
    assertEquals(403, post(API + "/webhooks", DemoUser.SALES, "{}").status());

    String name = "Hooked " + UUID.randomUUID();
    createAccount("{\"name\":\"" + name + "\"}");
    String line =
        waitFor(
            "the signed delivery at the receiver",
            WAIT,
            () -> {
              java.net.http.HttpResponse<String> r =
                  java.net.http.HttpClient.newHttpClient()
                      .send(
                          java.net.http.HttpRequest.newBuilder(
                                  java.net.URI.create("http://127.0.0.1:" + port + "/received"))
                              .build(),
                          java.net.http.HttpResponse.BodyHandlers.ofString());
              for (String l : r.body().split("\n")) {
                String[] parts = l.split("\\|", 3);
                if (parts.length == 3
                    && new String(
                            java.util.Base64.getDecoder().decode(parts[2]),
                            java.nio.charset.StandardCharsets.UTF_8)
                        .contains(name)) {
                  return l;
                }
              }
              return null;
            });
    String[] parts = line.split("\\|", 3);
    assertEquals("account.created", parts[1]);
    byte[] body = java.util.Base64.getDecoder().decode(parts[2]);
    String t = parts[0].replaceAll("^t=(\\d+),v1=.*$", "$1");
    String v1 = parts[0].replaceAll("^t=\\d+,v1=([0-9a-f]+)$", "$1");
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((t + ".").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String expected = java.util.HexFormat.of().formatHex(mac.doFinal(body));
    assertEquals("signature over '<t>.<body>'", expected, v1);
  }

  private Exchange deadLetterWithBody(String body) {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      Exchange e = consumer.receive(DLQ, 1000);
      if (e != null && body.equals(e.getMessage().getBody(String.class))) {
        return e;
      }
    }
    assertNull("no dead letter with body " + body, body);
    return null;
  }

  private static String invoice(String messageId, String ref, String number, String amount) {
    return "{\"schemaVersion\":1,\"messageId\":\""
        + messageId
        + "\",\"erpSystem\":\"tryton\","
        + "\"customerRef\":\""
        + ref
        + "\",\"invoiceNumber\":\""
        + number
        + "\",\"amount\":\""
        + amount
        + "\",\"currency\":\"EUR\",\"postedAt\":\"2026-11-23T10:00:00Z\"}";
  }
}
