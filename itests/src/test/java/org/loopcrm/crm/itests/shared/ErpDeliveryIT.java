package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.osgi.framework.ServiceReference;

/**
 * Issue 5's delivery guarantees for inbound ERP facts, through the real embedded Artemis:
 *
 * <ul>
 *   <li>every canonical fact delivered twice (the facts queue, the invoice queue and the file drop)
 *       has one effect;
 *   <li>a stream of {@code crm.itest.restart.facts} facts (default 10,000) survives the broker
 *       being stopped and started in the middle of it: every fact applied, none twice, none
 *       dead-lettered. The senders retry what the stopped broker refused, as any ERP would; a send
 *       that reached the broker but whose answer was lost is sent again, and the message id makes
 *       that harmless.
 * </ul>
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ErpDeliveryIT extends CrmTestSupport {
  private static final String FACTS = "jms:queue:crm.erp.facts";
  private static final String INVOICES = "jms:queue:crm.erp.invoice-posted";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern RECEIVABLE = Pattern.compile("\"receivable\":\"?([-0-9.eE+]+)");
  private static final Pattern PAYMENTS = Pattern.compile("\"paymentCount\":(\\d+)");
  private static final Pattern INVOICE_COUNT = Pattern.compile("\"invoiceCount\":(\\d+)");

  private CamelContext camel;
  private ProducerTemplate producer;

  @Before
  public void connect() throws Exception {
    awaitCrmReady();
    camel = crmCamelContext();
    waitFor(
        "the canonical facts route",
        BOOT_TIMEOUT,
        () ->
            camel.getRoutes().stream()
                .anyMatch(r -> r.getEndpoint().getEndpointUri().contains("crm.erp.facts")));
    producer = camel.createProducerTemplate();
  }

  @After
  public void close() throws Exception {
    producer.close();
  }

  private String account(String erpRef) {
    HttpResult created =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"Delivery " + erpRef + "\",\"erpRef\":\"" + erpRef + "\"}");
    assertEquals(created.toString(), 201, created.status());
    return idOf(created);
  }

  private static String fact(String type, String messageId, String ref, String fields) {
    return "{\"type\":\""
        + type
        + "\",\"schemaVersion\":1,\"messageId\":\""
        + messageId
        + "\",\"erpSystem\":\"sap\",\"customerRef\":\""
        + ref
        + "\","
        + fields
        + "}";
  }

  private static String invoice(String messageId, String ref, String number, String amount) {
    return fact(
        "invoice-posted",
        messageId,
        ref,
        "\"invoiceNumber\":\""
            + number
            + "\",\"amount\":\""
            + amount
            + "\",\"currency\":\"EUR\",\"postedAt\":\"2026-11-23T10:00:00Z\"");
  }

  private static String payment(String messageId, String ref, String amount, Instant at) {
    return fact(
        "payment-received",
        messageId,
        ref,
        "\"paymentRef\":\""
            + messageId
            + "\",\"amount\":\""
            + amount
            + "\",\"currency\":\"EUR\",\"receivedAt\":\""
            + at
            + "\"");
  }

  private String snapshot(String accountId) {
    return get(API + "/accounts/" + accountId + "/erp", DemoUser.SALES).body();
  }

  private static long count(Pattern p, String body) {
    Matcher m = p.matcher(body);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  @Test
  public void everyInboundFactDeliveredTwiceHasOneEffect() throws Exception {
    String ref = "TWICE-" + UUID.randomUUID();
    String id = account(ref);
    String run = UUID.randomUUID().toString();
    String renamed = "Renamed by SAP " + run;
    List<String> facts =
        List.of(
            invoice("inv-" + run, ref, "INV-1", "100"),
            payment("pay-" + run, ref, "40", Instant.parse("2026-11-23T11:00:00Z")),
            fact(
                "receivable-balance",
                "bal-" + run,
                ref,
                "\"receivable\":\"60\",\"currency\":\"EUR\",\"asOf\":\"2026-11-23T12:00:00Z\""),
            fact(
                "document-changed",
                "doc-" + run,
                ref,
                "\"kind\":\"SALE\",\"documentRef\":\"SO-"
                    + run
                    + "\",\"number\":\"SO-77\",\"state\":\"confirmed\","
                    + "\"changedAt\":\"2026-11-23T09:00:00Z\""),
            fact(
                "party-changed",
                "party-" + run,
                ref,
                "\"name\":\"" + renamed + "\",\"changedAt\":\"2026-11-23T09:30:00Z\""));
    for (String f : facts) {
      producer.sendBody(FACTS, f);
      producer.sendBody(FACTS, f);
    }
    // The older invoice queue, and the file drop: the same file dropped twice under two names.
    String queued = invoice("inv2-" + run, ref, "INV-2", "10");
    producer.sendBody(INVOICES, queued);
    producer.sendBody(INVOICES, queued);
    Path drop = Path.of(System.getProperty(FACTS_DIRECTORY));
    String file = "[" + invoice("inv3-" + run, ref, "INV-3", "5") + "]";
    for (String name : List.of("a-" + run + ".json", "b-" + run + ".json")) {
      Path tmp = Files.createTempFile(drop.getParent(), "drop", ".part");
      Files.writeString(tmp, file, StandardCharsets.UTF_8);
      Files.move(tmp, drop.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
    // Last, a distinct fact behind the copies on the facts queue: once it is applied, the copies
    // ahead of it were consumed too.
    producer.sendBody(FACTS, invoice("last-" + run, ref, "INV-4", "1"));

    waitFor(
        "both dropped files done",
        WAIT,
        () ->
            Files.exists(drop.resolve("done").resolve("a-" + run + ".json"))
                && Files.exists(drop.resolve("done").resolve("b-" + run + ".json")));
    String erp =
        waitFor(
            "every distinct fact applied",
            WAIT,
            () -> {
              String body = snapshot(id);
              return count(INVOICE_COUNT, body) == 4 ? body : null;
            });
    assertEquals(erp, 1, count(PAYMENTS, erp));
    Matcher receivable = RECEIVABLE.matcher(erp);
    assertTrue(erp, receivable.find());
    assertEquals(erp, 0, new BigDecimal(receivable.group(1)).compareTo(new BigDecimal("60")));
    assertTrue(erp, erp.contains("\"SALE\":1"));
    HttpResult account = get(API + "/accounts/" + id, DemoUser.SALES);
    assertTrue(account.body(), account.body().contains(renamed));
    String timeline = get(API + "/accounts/" + id + "/timeline?limit=100", DemoUser.SALES).body();
    assertEquals(timeline, 1, occurrences(timeline, "\"payment.received\""));
    assertEquals(timeline, 1, occurrences(timeline, "\"sale.confirmed\""));
    String history =
        get(API + "/audit?recordType=account&recordId=" + id + "&limit=100", DemoUser.ADMIN).body();
    assertEquals(history, 1, occurrences(history, renamed));
  }

  @Test
  public void aStreamOfFactsSurvivesABrokerRestartWithNoneLostAndNoneDoubled() throws Exception {
    int total = Integer.getInteger("crm.itest.restart.facts", 10_000);
    String ref = "RESTART-" + UUID.randomUUID();
    String id = account(ref);
    String run = UUID.randomUUID().toString();
    // The embedded broker (artemis-server-osgi registers its server as a service). Stopping the
    // bundle does not stop the server, so the test stops and starts the server itself: every
    // connection drops and the journal is read again, as after a restart.
    ServiceReference<?> server =
        bundleContext.getServiceReference("org.apache.activemq.artemis.core.server.ActiveMQServer");
    assertNotNull("the embedded broker's ActiveMQServer service", server);
    Object broker = bundleContext.getService(server);

    int senders = 4;
    AtomicInteger retried = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    Instant start = Instant.now();
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<Future<?>> done = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      int first = s;
      done.add(
          pool.submit(
              () -> {
                for (int i = first; i < total; i += senders) {
                  String body = payment("r-" + run + "-" + i, ref, "1", base.plusSeconds(i));
                  // The broker is away: an ERP sends again; the message id keeps it single.
                  waitFor(
                      "fact " + i + " sent",
                      Duration.ofMinutes(3),
                      () -> {
                        try {
                          producer.sendBody(FACTS, body);
                          return true;
                        } catch (RuntimeException e) {
                          retried.incrementAndGet();
                          throw e;
                        }
                      });
                  sent.incrementAndGet();
                }
                return null;
              }));
    }
    try {
      waitFor(
          "a fifth of the stream applied before the broker stops",
          Duration.ofMinutes(5),
          () -> count(PAYMENTS, snapshot(id)) >= total / 5);
      long before = count(PAYMENTS, snapshot(id));
      broker.getClass().getMethod("stop").invoke(broker);
      // While the broker is away nothing is applied: two reads in a row agree.
      long[] seen = {-1};
      long stalled =
          waitFor(
              "the stream to stall while the broker is stopped",
              Duration.ofMinutes(1),
              () -> {
                long now = count(PAYMENTS, snapshot(id));
                boolean same = now == seen[0];
                seen[0] = now;
                return same ? now : null;
              });
      assertTrue(stalled + " of " + total, stalled < total);
      broker.getClass().getMethod("start").invoke(broker);
      System.out.printf(
          "ErpDeliveryIT: broker restarted after %d of %d facts applied, %d sent%n",
          before, total, sent.get());
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    java.util.concurrent.atomic.AtomicReference<String> last =
        new java.util.concurrent.atomic.AtomicReference<>();
    try {
      waitFor(
          "all " + total + " facts applied",
          Duration.ofMinutes(10),
          () -> {
            String body = snapshot(id);
            last.set(body);
            return count(PAYMENTS, body) >= total;
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last answer: " + last.get(), e);
    }
    // The facts route has nothing left: no message queued, none in flight.
    waitFor(
        "the facts route to be idle",
        Duration.ofMinutes(2),
        () -> {
          String route = get(API + "/integration/routes/crm-erp-facts", DemoUser.ADMIN).body();
          return route.contains("\"inflight\":0") && route.contains("\"pendingMessages\":0");
        });
    String erp = snapshot(id);
    assertEquals(erp, total, count(PAYMENTS, erp));
    Matcher receivable = RECEIVABLE.matcher(erp);
    assertTrue(erp, receivable.find());
    assertEquals(erp, 0, new BigDecimal(receivable.group(1)).compareTo(BigDecimal.valueOf(-total)));
    // None of this run's facts was dead-lettered (the queue may hold other tests' letters).
    HttpResult dead = get(API + "/integration/dlq/crm.erp.facts.DLQ?limit=500", DemoUser.ADMIN);
    assertEquals(dead.toString(), 200, dead.status());
    assertTrue(dead.body(), !dead.body().contains(run));
    System.out.printf(
        "ErpDeliveryIT: %d facts through a broker restart in %d s, %d sends retried%n",
        total, Duration.between(start, Instant.now()).toSeconds(), retried.get());
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
