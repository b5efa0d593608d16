package org.loopcrm.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real driver against a stub of the three endpoints: it tests the driver, not the CRM. */
class RestLoadDriverTest {

  private static final int CLIENTS = 4;

  private Stub stub;

  @BeforeEach
  void startStub() throws IOException {
    stub = new Stub();
  }

  @AfterEach
  void stopStub() throws InterruptedException {
    stub.stop();
  }

  @Test
  void measuresEveryScenarioInOneRunAndAccountsForEveryRequest() throws Exception {
    BenchOptions options =
        options("--clients=" + CLIENTS, "--warmup=0.5", "--seconds=0.5", "--rounds=2");

    BenchReport report;
    try (RestLoadDriver driver = new RestLoadDriver(options, quiet())) {
      report = driver.execute();
    }

    assertThat(report.results())
        .extracting(r -> r.scenario().label())
        .containsExactly("create", "read", "ping");
    for (ScenarioResult r : report.results()) {
      assertThat(r.errors()).as(r.scenario().label()).isZero();
      assertThat(r.requests()).as(r.scenario().label()).isPositive();
      assertThat(r.latencies().count()).isEqualTo(r.requests());
      assertThat(r.requestsPerSecond()).isEqualTo(r.requests() / 0.5);
      assertThat(r.latencyMillis(50))
          .isPositive()
          .isLessThanOrEqualTo(r.latencyMillis(90))
          .isLessThanOrEqualTo(r.latencyMillis(99))
          .isLessThanOrEqualTo(r.maxMillis());
    }
    assertThat(report.ratiosToPing()).containsOnlyKeys(Scenario.CREATE, Scenario.READ);
    assertThat(report.ratiosToPing().values()).allSatisfy(ratio -> assertThat(ratio).isPositive());

    // Every read went to an account the stub created, through the stub, although the stub's
    // Location names another host: the driver only ever talks to --url.
    assertThat(stub.unknownReads.get()).isZero();
    assertThat(stub.unauthorized.get()).isZero();
    assertThat(report.warmup().errors()).isZero();
    assertThat(report.warmup().accountsToRead()).isPositive();

    // The stub saw what the report counts, plus the one preflight request, plus at most one
    // request per client per slice (warm-up, then 2 rounds of 3) answered after its slice ended.
    long counted =
        report.warmup().requests()
            + report.results().stream().mapToLong(ScenarioResult::requests).sum();
    long phases = 1 + 2 * report.results().size();
    assertThat(stub.total()).isBetween(counted + 1, counted + 1 + phases * CLIENTS);
    long create = report.result(Scenario.CREATE).orElseThrow().requests();
    long read = report.result(Scenario.READ).orElseThrow().requests();
    long ping = report.result(Scenario.PING).orElseThrow().requests();
    assertThat(stub.creates.get())
        .isGreaterThanOrEqualTo(create + report.warmup().accountsToRead());
    assertThat(stub.reads.get()).isGreaterThanOrEqualTo(read);
    assertThat(stub.pings.get()).isGreaterThanOrEqualTo(ping);
  }

  @Test
  void commandLinePrintsTheTableAndWritesTheSameFiguresAsJson(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("figures/run.json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        RestLoadDriver.run(
            new String[] {
              "--url=" + stub.url(), "--clients=2", "--warmup=0.3", "--seconds=0.4", "--out=" + json
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text + err).isZero();
    assertThat(text)
        .contains("2 clients, warm-up 0.3 s, 0.4 s per scenario in 4 rounds")
        .containsPattern(
            "(?m)^scenario\\s+requests\\s+errors\\s+req/s\\s+p50 ms\\s+p90 ms"
                + "\\s+p99 ms\\s+max ms$")
        .containsPattern(row("create"))
        .containsPattern(row("read"))
        .containsPattern(row("ping"))
        .containsPattern("(?m)^  create/ping\\s+\\d+\\.\\d{3} ")
        .containsPattern("(?m)^  read/ping\\s+\\d+\\.\\d{3} ")
        .doesNotContain("errors in");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "warming up for 0.3 s",
            "round 1/4: create,read,ping, 0.1 s each",
            "round 4/4: create,read,ping, 0.1 s each",
            "figures written to");

    String written = Files.readString(json);
    assertThat(written)
        .contains(
            "\"tool\": \"crm-bench\"",
            "\"clients\": 2",
            "\"secondsPerScenario\": 0.4",
            "\"rounds\": 4")
        .containsPattern("\\{\"name\": \"create\", \"requests\": [1-9]\\d*, \"errors\": 0,")
        .containsPattern("\\{\"name\": \"read\", \"requests\": [1-9]\\d*, \"errors\": 0,")
        .containsPattern("\\{\"name\": \"ping\", \"requests\": [1-9]\\d*, \"errors\": 0,")
        .containsPattern("\"latencyMs\": \\{\"p50\": [\\d.]+, \"p90\": [\\d.]+, \"p99\": [\\d.]+,")
        .containsPattern("\"ratioToPing\": \\{\"create\": [\\d.]+, \"read\": [\\d.]+\\}")
        .doesNotContain("admin:admin");
  }

  @Test
  void failedAnswersAreCountedAsErrorsWithTheirStatusAndBody() throws Exception {
    stub.pingStatus = 503;
    BenchOptions options =
        options("--clients=2", "--warmup=0", "--seconds=0.3", "--scenarios=create,ping");

    BenchReport report;
    try (RestLoadDriver driver = new RestLoadDriver(options, quiet())) {
      report = driver.execute();
    }

    ScenarioResult ping = report.result(Scenario.PING).orElseThrow();
    assertThat(ping.requests()).isPositive();
    assertThat(ping.errors()).isEqualTo(ping.requests());
    assertThat(ping.requestsPerSecond()).isZero();
    assertThat(ping.latencies().count()).isZero();
    assertThat(ping.errorKinds()).containsOnlyKeys("HTTP 503");
    assertThat(ping.errorKinds().get("HTTP 503")).isEqualTo(ping.errors());
    assertThat(ping.errorSamples())
        .hasSizeBetween(1, RestLoadDriver.MAX_ERROR_SAMPLES)
        .allSatisfy(s -> assertThat(s).contains("/crm/api/v1/ping -> 503 {\"status\":\"down\"}"));
    assertThat(report.result(Scenario.CREATE).orElseThrow().errors()).isZero();
    assertThat(report.ratiosToPing()).isEmpty();
    assertThat(report.totalErrors()).isEqualTo(ping.errors());
    assertThat(report.toText())
        .contains("errors in ping: " + ping.errors() + " (HTTP 503 x" + ping.errors() + ")")
        .contains("no ratio: ping had no successful request");
  }

  @Test
  void createWithoutLocationIsAnError() throws Exception {
    stub.omitLocation = true;
    BenchOptions options =
        options("--clients=1", "--warmup=0", "--seconds=0.2", "--scenarios=create");

    BenchReport report;
    try (RestLoadDriver driver = new RestLoadDriver(options, quiet())) {
      report = driver.execute();
    }

    ScenarioResult create = report.result(Scenario.CREATE).orElseThrow();
    assertThat(create.errors()).isPositive().isEqualTo(create.requests());
    assertThat(create.errorKinds()).containsOnlyKeys("no Location");
  }

  @Test
  void withoutWarmupTheReadScenarioSeedsItsOwnAccounts() throws Exception {
    BenchOptions options =
        options("--clients=3", "--warmup=0", "--seconds=0.2", "--scenarios=read");

    BenchReport report;
    try (RestLoadDriver driver = new RestLoadDriver(options, quiet())) {
      report = driver.execute();
    }

    assertThat(report.warmup().accountsToRead()).isEqualTo(10);
    assertThat(stub.creates.get()).isEqualTo(10);
    assertThat(report.result(Scenario.READ).orElseThrow().requests()).isPositive();
    assertThat(report.results()).hasSize(1);
    assertThat(stub.unknownReads.get()).isZero();
  }

  @Test
  void wrongCredentialsStopTheRunBeforeItStarts() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        RestLoadDriver.run(
            new String[] {"--url", stub.url(), "--password", "wrong", "--seconds", "30"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused user 'admin' with HTTP 401");
    assertThat(stub.total()).isEqualTo(1);
  }

  @Test
  void anUnreachableCrmStopsTheRunBeforeItStarts() throws Exception {
    String url = stub.url();
    stub.stop();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        RestLoadDriver.run(
            new String[] {"--url", url, "--seconds", "30"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach " + url);
  }

  @Test
  void accountNamesUseWellFormedRandomUuids() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID id = RestLoadDriver.randomUuid();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(UUID.fromString(id.toString())).isEqualTo(id);
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void helpAndBadOptionsNeverSendARequest() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(RestLoadDriver.run(new String[] {"--help"}, o, e)).isZero();
    assertThat(RestLoadDriver.run(new String[] {"--clients", "x"}, o, e)).isEqualTo(2);

    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("crm-bench: --clients 'x' is not a whole number");
    assertThat(stub.total()).isZero();
  }

  private BenchOptions options(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--url=" + stub.url();
    System.arraycopy(args, 0, all, 1, args.length);
    return BenchOptions.parse(all);
  }

  private static String row(String scenario) {
    return "(?m)^"
        + Pattern.quote(scenario)
        + "\\s+[1-9]\\d*\\s+0\\s+\\d+\\.\\d(\\s+\\d+\\.\\d{3}){4}$";
  }

  private static PrintStream quiet() {
    return new PrintStream(PrintStream.nullOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** The three endpoints, on a free loopback port, checking Basic auth like the CRM does. */
  private static final class Stub {
    private static final String AUTH =
        "Basic "
            + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    private static final String ACCOUNTS = "/crm/api/v1/accounts";

    static {
      // Without it the JDK server's separate header and body writes meet delayed ACKs, and every
      // answer takes 40 ms: the stub would be measuring TCP, and the slices would see few requests.
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    final AtomicLong creates = new AtomicLong();
    final AtomicLong reads = new AtomicLong();
    final AtomicLong pings = new AtomicLong();
    final AtomicLong others = new AtomicLong();
    final AtomicLong unknownReads = new AtomicLong();
    final AtomicLong unauthorized = new AtomicLong();
    final Set<String> ids = ConcurrentHashMap.newKeySet();
    volatile int pingStatus = 200;
    volatile boolean omitLocation;

    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final HttpServer server;
    private boolean stopped;

    Stub() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      server.setExecutor(executor);
      server.createContext("/crm/api/v1/", this::handle);
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long total() {
      return creates.get() + reads.get() + pings.get() + others.get() + unauthorized.get();
    }

    void stop() throws InterruptedException {
      if (!stopped) {
        stopped = true;
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
      }
    }

    private void handle(HttpExchange ex) throws IOException {
      try (ex) {
        String body;
        try (InputStream in = ex.getRequestBody()) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!AUTH.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
          unauthorized.incrementAndGet();
          respond(ex, 401, "{\"title\":\"Unauthorized\"}");
          return;
        }
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (path.equals("/crm/api/v1/ping") && method.equals("GET")) {
          pings.incrementAndGet();
          respond(
              ex, pingStatus, pingStatus == 200 ? "{\"status\":\"ok\"}" : "{\"status\":\"down\"}");
        } else if (path.equals(ACCOUNTS) && method.equals("POST")) {
          creates.incrementAndGet();
          boolean valid =
              body.matches(
                      "\\{\"name\":\"Bench [0-9a-f-]{36}\",\"owner\":\"sales\",\"stage\":\"PROSPECT\"}")
                  && "application/json".equals(ex.getRequestHeaders().getFirst("Content-Type"));
          if (!valid) {
            respond(ex, 422, "{\"title\":\"bad body\"}");
            return;
          }
          String id = String.valueOf(ids.size() + 1) + "-" + Long.toHexString(System.nanoTime());
          ids.add(id);
          if (!omitLocation) {
            // Another host on purpose: the driver must keep talking to --url only.
            ex.getResponseHeaders().add("Location", "http://crm.invalid" + ACCOUNTS + "/" + id);
          }
          respond(ex, 201, "{\"id\":\"" + id + "\"}");
        } else if (path.startsWith(ACCOUNTS + "/") && method.equals("GET")) {
          reads.incrementAndGet();
          String id = path.substring(ACCOUNTS.length() + 1);
          if (ids.contains(id)) {
            respond(ex, 200, "{\"id\":\"" + id + "\",\"name\":\"Bench\"}");
          } else {
            unknownReads.incrementAndGet();
            respond(ex, 404, "{\"title\":\"Not Found\"}");
          }
        } else {
          others.incrementAndGet();
          respond(ex, path.equals(ACCOUNTS) ? 200 : 404, "{\"items\":[]}");
        }
      }
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
    }
  }
}
