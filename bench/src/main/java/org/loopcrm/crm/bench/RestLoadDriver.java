package org.loopcrm.crm.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives a running CRM over REST with K closed-loop clients and reports throughput and latency.
 *
 * <p>One run is a warm-up, whose figures are thrown away and whose created accounts feed the {@code
 * read} scenario, followed by the measured phases: each scenario gets {@code --seconds} in total
 * with all K clients on that scenario alone, cut into {@code --rounds} slices that take turns
 * (create, read, ping, create, read, ping, ...). One scenario at a time makes its throughput the
 * container's capacity for that request, so {@code create/ping} compares the CRM path (JAX-RS,
 * JAAS, JPA, database, outbox) with the bare HTTP + CXF path of the same container; taking turns
 * spreads drift (JIT, a growing table, GC) over every scenario instead of biasing the ratio against
 * whichever ran first.
 *
 * <p>Every loop ends at its slice's deadline; a request in flight then finishes (bounded by the
 * request timeout) but is not counted. Only the origin given by {@code --url} is ever contacted: a
 * Location header pointing elsewhere is re-rooted on it.
 */
public final class RestLoadDriver implements AutoCloseable {

  static final String API = "/crm/api/v1";
  static final int MAX_ERROR_SAMPLES = 5;
  static final int MAX_ACCOUNTS_TO_READ = 100_000;
  private static final int MAX_BODY_IN_SAMPLE = 300;

  private final BenchOptions options;
  private final PrintStream progress;
  private final ExecutorService httpExecutor;
  private final HttpClient http;
  private final String authorization;
  private final URI accountsUri;
  private final HttpRequest pingRequest;
  private final List<URI> accountsToRead = Collections.synchronizedList(new ArrayList<>());

  /**
   * A driver for {@code options}; {@code progress} receives a line per phase.
   *
   * <p>Close it to stop the HTTP client's threads.
   */
  public RestLoadDriver(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
    this.httpExecutor = Executors.newCachedThreadPool(daemonThreads("crm-bench-http"));
    // HTTP/1.1 on purpose: each client then holds its own keep-alive connection, as a browser or
    // an ERP integration would, instead of all clients sharing one multiplexed HTTP/2 connection.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(options.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(httpExecutor)
            .build();
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (options.user() + ":" + options.password()).getBytes(StandardCharsets.UTF_8));
    this.accountsUri = URI.create(options.baseUrl() + API + "/accounts");
    this.pingRequest = get(URI.create(options.baseUrl() + API + "/ping"));
  }

  /** Runs the driver as {@code java -jar crm-bench.jar}; exits non-zero on errors. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Parses {@code args}, runs, prints the report on {@code out} and progress on {@code err}.
   *
   * @return 0 when every measured request succeeded, 1 when some failed (the figures are still
   *     printed), 2 on a bad option, 3 when the CRM cannot be reached or refuses the credentials, 4
   *     when the JSON file cannot be written
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("crm-bench: " + e.getMessage());
      err.println(BenchOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      out.println(BenchOptions.USAGE);
      return 0;
    }
    BenchReport report;
    try (RestLoadDriver driver = new RestLoadDriver(options, err)) {
      report = driver.execute();
    } catch (UnreachableException e) {
      err.println("crm-bench: " + e.getMessage());
      return 3;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("crm-bench: interrupted");
      return 1;
    }
    out.print(report.toText());
    out.flush();
    if (options.out().isPresent()) {
      Path file = Path.of(options.out().get());
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(file, report.toJson(), StandardCharsets.UTF_8);
        err.println("figures written to " + file);
      } catch (IOException e) {
        err.println("crm-bench: cannot write " + file + ": " + e);
        return 4;
      }
    }
    return report.totalErrors() == 0 ? 0 : 1;
  }

  /** Checks the target, warms up, then measures the scenarios in interleaved rounds. */
  public BenchReport execute() throws UnreachableException, InterruptedException {
    Instant startedAt = Instant.now();
    preflight();
    WarmupSummary warmup = warmUp();
    List<URI> targets = List.copyOf(accountsToRead);
    Map<Scenario, Measurement> measurements = new LinkedHashMap<>();
    options.scenarios().forEach(s -> measurements.put(s, new Measurement()));
    int rounds = options.rounds();
    long total = options.measured().toNanos();
    for (int round = 0; round < rounds; round++) {
      // Slices add up to exactly --seconds per scenario, however it divides by --rounds.
      Duration slice = Duration.ofNanos(total * (round + 1) / rounds - total * round / rounds);
      progress.printf(
          "round %d/%d: %s, %s s each, %d clients%n",
          round + 1,
          rounds,
          labels(options.scenarios()),
          BenchReport.seconds(slice),
          options.clients());
      for (Map.Entry<Scenario, Measurement> e : measurements.entrySet()) {
        measure(e.getKey(), slice, targets, e.getValue());
      }
    }
    List<ScenarioResult> results = new ArrayList<>();
    measurements.forEach((scenario, m) -> results.add(m.result(scenario, options.measured())));
    return new BenchReport(options, startedAt, warmup, List.copyOf(results));
  }

  /** Fails fast, before a long run of nothing but errors, when the CRM is down or says 401. */
  private void preflight() throws UnreachableException, InterruptedException {
    boolean crm = options.scenarios().stream().anyMatch(s -> s != Scenario.PING);
    HttpRequest probe = crm ? get(URI.create(accountsUri + "?limit=1")) : pingRequest;
    HttpResponse<String> response;
    try {
      response = http.send(probe, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      String hint = e instanceof ConnectException ? " (is the CRM running? bin/karaf)" : "";
      throw new UnreachableException("cannot reach " + probe.uri() + ": " + describe(e) + hint, e);
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new UnreachableException(
          probe.uri()
              + " refused user '"
              + options.user()
              + "' with HTTP "
              + response.statusCode()
              + " (check --user/--password)",
          null);
    }
  }

  private WarmupSummary warmUp() throws InterruptedException {
    List<Scenario> cycle = new ArrayList<>(options.scenarios());
    if (cycle.contains(Scenario.READ) && !cycle.contains(Scenario.CREATE)) {
      cycle.add(0, Scenario.CREATE);
    }
    long requests = 0;
    long errors = 0;
    ErrorLog log = new ErrorLog();
    if (!options.warmup().isZero()) {
      progress.printf(
          "warming up for %s s with %d clients (%s)%n",
          BenchReport.seconds(options.warmup()), options.clients(), labels(cycle));
      List<ClientTally> tallies =
          runClients(
              options.warmup(),
              (client, iteration) -> {
                Scenario s = cycle.get((client + iteration) % cycle.size());
                return s == Scenario.READ && accountsToRead.isEmpty() ? Scenario.CREATE : s;
              },
              log);
      for (ClientTally t : tallies) {
        requests += t.requests;
        errors += t.errors;
      }
    }
    if (options.scenarios().contains(Scenario.READ) && accountsToRead.isEmpty()) {
      // No warm-up (or every warm-up create failed): seed a few accounts so read has targets.
      int seed = Math.max(10, options.clients());
      progress.printf("creating %d accounts for the read scenario%n", seed);
      for (int i = 0; i < seed; i++) {
        Outcome o = perform(Scenario.CREATE);
        requests++;
        if (!o.ok()) {
          errors++;
          log.add(o);
        }
      }
    }
    return new WarmupSummary(
        options.warmup(), requests, errors, accountsToRead.size(), log.samples());
  }

  private void measure(Scenario scenario, Duration slice, List<URI> targets, Measurement into)
      throws InterruptedException {
    if (scenario == Scenario.READ && targets.isEmpty()) {
      into.add(
          Outcome.failed(
              "no account to read",
              "no account to read: every create failed (see the warm-up errors)"));
      return;
    }
    List<ClientTally> tallies =
        runClients(
            slice,
            (client, iteration) -> scenario,
            scenario == Scenario.READ ? targets : List.of(),
            into.log);
    tallies.forEach(into::add);
  }

  private List<ClientTally> runClients(Duration length, Schedule schedule, ErrorLog log)
      throws InterruptedException {
    return runClients(length, schedule, null, log);
  }

  /**
   * Runs K clients until {@code length} has passed since they all started together. {@code
   * readTargets} null means "read from the live list", used while the warm-up still fills it.
   */
  private List<ClientTally> runClients(
      Duration length, Schedule schedule, List<URI> readTargets, ErrorLog log)
      throws InterruptedException {
    int k = options.clients();
    ExecutorService clients = Executors.newFixedThreadPool(k, daemonThreads("crm-bench-client"));
    try {
      CountDownLatch ready = new CountDownLatch(k);
      CountDownLatch go = new CountDownLatch(1);
      AtomicLong deadline = new AtomicLong();
      List<Future<ClientTally>> futures = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        int client = c;
        Callable<ClientTally> loop =
            () -> {
              ready.countDown();
              go.await();
              return clientLoop(client, deadline.get(), schedule, readTargets, log);
            };
        futures.add(clients.submit(loop));
      }
      ready.await();
      deadline.set(System.nanoTime() + length.toNanos());
      go.countDown();
      List<ClientTally> tallies = new ArrayList<>();
      for (Future<ClientTally> f : futures) {
        try {
          tallies.add(f.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("a client failed", e.getCause());
        }
      }
      return tallies;
    } finally {
      clients.shutdownNow();
      clients.awaitTermination(options.requestTimeout().toSeconds() + 1, TimeUnit.SECONDS);
    }
  }

  private ClientTally clientLoop(
      int client, long deadline, Schedule schedule, List<URI> readTargets, ErrorLog log) {
    ClientTally tally = new ClientTally();
    for (int iteration = 0; ; iteration++) {
      long start = System.nanoTime();
      if (start - deadline >= 0 || Thread.currentThread().isInterrupted()) {
        return tally;
      }
      Scenario scenario = schedule.next(client, iteration);
      Outcome outcome = scenario == Scenario.READ ? read(readTargets) : perform(scenario);
      long end = System.nanoTime();
      if (end - deadline > 0) {
        return tally; // answered after the phase ended: not part of it
      }
      tally.requests++;
      if (outcome.ok()) {
        tally.latencies.record((end - start) / 1_000);
      } else {
        tally.errors++;
        log.add(outcome);
      }
    }
  }

  private Outcome read(List<URI> targets) {
    URI target;
    if (targets != null) {
      target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
    } else {
      synchronized (accountsToRead) {
        target = accountsToRead.get(ThreadLocalRandom.current().nextInt(accountsToRead.size()));
      }
    }
    return exchange(get(target), 200, false);
  }

  private Outcome perform(Scenario scenario) {
    return switch (scenario) {
      case CREATE -> {
        String body =
            "{\"name\":\"Bench " + randomUuid() + "\",\"owner\":\"sales\",\"stage\":\"PROSPECT\"}";
        HttpRequest post =
            HttpRequest.newBuilder(accountsUri)
                .timeout(options.requestTimeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        Outcome o = exchange(post, 201, true);
        if (o.ok() && accountsToRead.size() < MAX_ACCOUNTS_TO_READ) {
          accountsToRead.add(o.location());
        }
        yield o;
      }
      case READ -> throw new IllegalStateException("read needs targets");
      case PING -> exchange(pingRequest, 200, false);
    };
  }

  private Outcome exchange(HttpRequest request, int expected, boolean needsLocation) {
    HttpResponse<String> response;
    try {
      // Successful bodies are read and dropped; only failures keep theirs, for the error samples.
      response =
          http.send(
              request,
              info ->
                  info.statusCode() == expected
                      ? BodySubscribers.<String>replacing(null)
                      : BodySubscribers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      String kind = e instanceof HttpTimeoutException ? "timeout" : e.getClass().getSimpleName();
      return Outcome.failed(kind, request.method() + " " + request.uri() + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failed("interrupted", "interrupted");
    }
    int status = response.statusCode();
    if (status != expected) {
      String body = Optional.ofNullable(response.body()).orElse("").strip();
      if (body.length() > MAX_BODY_IN_SAMPLE) {
        body = body.substring(0, MAX_BODY_IN_SAMPLE) + "...";
      }
      return Outcome.failed(
          "HTTP " + status, request.method() + " " + request.uri() + " -> " + status + " " + body);
    }
    if (!needsLocation) {
      return Outcome.OK;
    }
    Optional<String> location = response.headers().firstValue("Location");
    if (location.isEmpty()) {
      return Outcome.failed(
          "no Location",
          request.method() + " " + request.uri() + " -> " + status + " without Location");
    }
    return new Outcome(true, null, null, reRoot(location.get()));
  }

  /** Resolves a Location against the accounts URI, keeping only its path: never another host. */
  private URI reRoot(String location) {
    URI resolved = accountsUri.resolve(location.trim());
    String query = resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery();
    URI base = options.baseUrl();
    return URI.create(
        base.getScheme() + "://" + base.getRawAuthority() + resolved.getRawPath() + query);
  }

  private HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(options.requestTimeout())
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .GET()
        .build();
  }

  /**
   * A version-4 UUID from {@link ThreadLocalRandom}: unique enough for names, and without {@link
   * UUID#randomUUID()}'s shared SecureRandom, a lock all clients would queue on in the driver.
   */
  static UUID randomUuid() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
    return new UUID(msb, lsb);
  }

  private static String describe(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "timeout";
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }

  private static String labels(List<Scenario> scenarios) {
    return String.join(",", scenarios.stream().map(Scenario::label).toList());
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    httpExecutor.shutdownNow();
  }

  /** The CRM is down, or refuses the credentials, before any figure is taken. */
  public static final class UnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @FunctionalInterface
  private interface Schedule {
    Scenario next(int client, int iteration);
  }

  /** One client's counts for one phase; only its own thread touches it until the phase ends. */
  private static final class ClientTally {
    final LatencyHistogram latencies = new LatencyHistogram();
    long requests;
    long errors;
  }

  private record Outcome(boolean ok, String kind, String error, URI location) {
    static final Outcome OK = new Outcome(true, null, null, null);

    static Outcome failed(String kind, String detail) {
      return new Outcome(false, kind, detail, null);
    }
  }

  /** One scenario's figures, summed over its slices in every round. */
  private static final class Measurement {
    final LatencyHistogram latencies = new LatencyHistogram();
    final ErrorLog log = new ErrorLog();
    long requests;
    long errors;

    void add(ClientTally tally) {
      latencies.add(tally.latencies);
      requests += tally.requests;
      errors += tally.errors;
    }

    void add(Outcome failed) {
      requests++;
      errors++;
      log.add(failed);
    }

    ScenarioResult result(Scenario scenario, Duration length) {
      return new ScenarioResult(
          scenario, requests, errors, length, latencies, log.kinds(), log.samples());
    }
  }

  /** Error kinds counted, and the first few errors kept verbatim, across all clients. */
  private static final class ErrorLog {
    private final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
    private final List<String> samples = new ArrayList<>();

    void add(Outcome failed) {
      kinds.computeIfAbsent(failed.kind(), k -> new LongAdder()).increment();
      synchronized (samples) {
        if (samples.size() < MAX_ERROR_SAMPLES) {
          samples.add(failed.error());
        }
      }
    }

    Map<String, Long> kinds() {
      Map<String, Long> sorted = new TreeMap<>();
      kinds.forEach((k, v) -> sorted.put(k, v.sum()));
      return Collections.unmodifiableMap(sorted);
    }

    List<String> samples() {
      synchronized (samples) {
        return List.copyOf(samples);
      }
    }
  }
}
