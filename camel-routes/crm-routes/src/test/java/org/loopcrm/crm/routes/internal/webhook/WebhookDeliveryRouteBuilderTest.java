package org.loopcrm.crm.routes.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.webhook.DeliveryStatus;
import org.loopcrm.crm.api.webhook.WebhookDelivery;
import org.loopcrm.crm.routes.internal.Poll;
import org.loopcrm.crm.routes.internal.RuntimeHarness;
import org.loopcrm.crm.routes.internal.TestBroker;

/** The delivery route against a real HTTP receiver on a free loopback port. */
class WebhookDeliveryRouteBuilderTest {
  private static final String SECRET = "whsec-route-test-0123456789";
  private static final String PAYLOAD =
      "{\"eventId\":\"e-1\",\"type\":\"account.created\",\"data\":{\"name\":\"Acme Ünited\"}}";

  private TestBroker broker;
  private RuntimeHarness runtime;
  private HttpServer server;
  private ExecutorService serverThreads;
  private final InMemoryWebhooks webhooks = new InMemoryWebhooks();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
  private final CountDownLatch releaseHangingRequests = new CountDownLatch(1);
  private volatile int defaultAnswer = 200;
  private volatile boolean hang;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private PrintStream originalOut;

  record Received(Headers headers, String body) {}

  @BeforeEach
  void setUp() throws Exception {
    // Everything logged (slf4j-simple writes to System.err) is checked for the secret afterwards.
    originalErr = System.err;
    originalOut = System.out;
    System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new Tee(originalOut, log), true, StandardCharsets.UTF_8));
    broker = new TestBroker();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newCachedThreadPool();
    server.setExecutor(serverThreads);
    server.createContext("/hook", this::answer);
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      releaseHangingRequests.countDown();
      if (runtime != null) {
        runtime.close();
      }
      server.stop(0);
      serverThreads.shutdownNow();
      broker.close();
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(
        new Received(exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8)));
    if (hang) {
      try {
        releaseHangingRequests.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Integer status = answers.poll();
    exchange.sendResponseHeaders(status == null ? defaultAnswer : status, -1);
    exchange.close();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  private void start(Duration timeout) throws Exception {
    start(timeout, 20);
  }

  private void start(Duration timeout, long pollIntervalMs) throws Exception {
    runtime = new RuntimeHarness(broker, pollIntervalMs, 10);
    runtime.add(new WebhookDeliveryRouteBuilder(webhooks, timeout));
  }

  @Test
  void aDeliveryIsPostedSignedAndRecordedDelivered() throws Exception {
    UUID id = webhooks.add(url(), SECRET, "account.created", PAYLOAD);
    defaultAnswer = 204;
    long before = Instant.now().getEpochSecond();
    start(Duration.ofSeconds(10));

    Poll.until("delivered", () -> webhooks.delivery(id).status() == DeliveryStatus.DELIVERED);
    assertThat(received).hasSize(1);
    Received r = received.get(0);
    assertThat(r.body()).isEqualTo(PAYLOAD);
    assertThat(r.headers().getFirst("X-Crm-Event-Id")).isEqualTo(webhooks.eventId(id).toString());
    assertThat(r.headers().getFirst("X-Crm-Event-Type")).isEqualTo("account.created");
    assertThat(r.headers().getFirst("X-Crm-Delivery-Id")).isEqualTo(id.toString());
    assertThat(r.headers().getFirst("Content-Type")).startsWith("application/json");
    long t = Long.parseLong(r.headers().getFirst("X-Crm-Timestamp"));
    assertThat(t).isBetween(before, Instant.now().getEpochSecond());
    // What a receiver does: recompute the HMAC over "<t>.<body>" with the shared secret.
    String expected = "t=" + t + ",v1=" + hmacHex(SECRET, t + "." + r.body());
    assertThat(r.headers().getFirst("X-Crm-Signature")).isEqualTo(expected);
    assertThat(r.headers().getFirst("X-Crm-Signature")).doesNotContain(SECRET);
    assertThat(r.headers().values().toString()).doesNotContain(SECRET);
    WebhookDelivery d = webhooks.delivery(id);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastStatusCode()).isEqualTo(204);
    assertThat(runtime.context().getRouteController().getRouteStatus("crm-webhook-delivery"))
        .isEqualTo(ServiceStatus.Started);
  }

  @Test
  void theSignatureIsTheHmacOfTimestampAndBody() {
    // Computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac key
    assertThat(WebhookSignature.header("key", 1_700_000_000L, "{}"))
        .isEqualTo(
            "t=1700000000,v1=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
    // The RFC 2104 example everyone quotes for HMAC-SHA256.
    assertThat(WebhookSignature.hmacHex("key", "The quick brown fox jumps over the lazy dog"))
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void aBacklogDrainsWithinOneTickInSmallClaims() throws Exception {
    int backlog = 2 * WebhookDeliveryRouteBuilder.CLAIM_SIZE + 2;
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < backlog; i++) {
      ids.add(webhooks.add(url(), SECRET, "account.created", PAYLOAD));
    }
    start(Duration.ofSeconds(10), 600_000); // one tick in this test's lifetime

    Poll.until(
        "all delivered",
        () ->
            ids.stream()
                .allMatch(id -> webhooks.delivery(id).status() == DeliveryStatus.DELIVERED));
    assertThat(received).hasSize(backlog);
    assertThat(webhooks.claims.get()).as("claims 5 + 5 + 2, the last one short").isEqualTo(3);
  }

  @Test
  void aFailureIsRetriedUntilTheReceiverAccepts() throws Exception {
    UUID id = webhooks.add(url(), SECRET, "account.updated", PAYLOAD);
    answers.add(500);
    defaultAnswer = 200;
    start(Duration.ofSeconds(10));

    Poll.until("delivered", () -> webhooks.delivery(id).status() == DeliveryStatus.DELIVERED);
    WebhookDelivery d = webhooks.delivery(id);
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(d.lastStatusCode()).isEqualTo(200);
    assertThat(webhooks.outcomes)
        .extracting(o -> o.delivered() + " " + o.statusCode() + " " + o.error())
        .containsExactly("false 500 HTTP 500", "true 200 null");
    assertThat(received).extracting(Received::body).containsExactly(PAYLOAD, PAYLOAD);
    assertThat(received)
        .extracting(r -> r.headers().getFirst("X-Crm-Event-Id"))
        .containsOnly(webhooks.eventId(id).toString());
  }

  @Test
  void aReceiverThatKeepsFailingMakesTheDeliveryDead() throws Exception {
    UUID id = webhooks.add(url() + "?token=query-token-42", SECRET, "account.deleted", PAYLOAD);
    defaultAnswer = 500;
    start(Duration.ofSeconds(10));

    Poll.until("dead", () -> webhooks.delivery(id).status() == DeliveryStatus.DEAD);
    int claimsAtDeath = webhooks.claims.get();
    Poll.until("three more ticks", () -> webhooks.claims.get() >= claimsAtDeath + 3);

    assertThat(received).hasSize(InMemoryWebhooks.MAX_ATTEMPTS);
    WebhookDelivery d = webhooks.delivery(id);
    assertThat(d.attempts()).isEqualTo(InMemoryWebhooks.MAX_ATTEMPTS);
    assertThat(d.lastStatusCode()).isEqualTo(500);
    assertThat(d.nextAttemptAt()).isNull();
    Poll.until(
        "the dead delivery logged",
        () -> log.toString(StandardCharsets.UTF_8).contains("delivery " + id + " of event"));
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(" to " + url() + " is dead after 6 attempts")
        .doesNotContain("query-token-42");
  }

  @Test
  void aReceiverThatDoesNotAnswerInTimeIsAFailure() throws Exception {
    UUID id = webhooks.add(url(), SECRET, "account.created", PAYLOAD);
    hang = true;
    start(Duration.ofMillis(300));

    Poll.until("a failed attempt", () -> !webhooks.outcomes.isEmpty());
    assertThat(webhooks.outcomes.get(0).delivered()).isFalse();
    assertThat(webhooks.outcomes.get(0).statusCode()).isNull();
    assertThat(webhooks.outcomes.get(0).error()).startsWith("timed out");
    assertThat(webhooks.delivery(id).status()).isIn(DeliveryStatus.FAILED, DeliveryStatus.DEAD);
  }

  @Test
  void anUnreachableReceiverIsAFailureWithoutTheSecret() throws Exception {
    int port = server.getAddress().getPort();
    server.stop(0);
    UUID id = webhooks.add("http://127.0.0.1:" + port + "/hook", SECRET, "x.y", PAYLOAD);
    start(Duration.ofSeconds(2));

    Poll.until("dead", () -> webhooks.delivery(id).status() == DeliveryStatus.DEAD);
    assertThat(webhooks.delivery(id).lastStatusCode()).isNull();
    assertThat(webhooks.delivery(id).lastError()).contains("ConnectException");
    assertThat(webhooks.outcomes).noneMatch(o -> String.valueOf(o.error()).contains(SECRET));
  }

  private static String hmacHex(String key, String text) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** Writes to the original stream and to the captured log. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
