package org.loopcrm.crm.bench.erp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 5's figures in one run against the real distribution and a running Tryton:
 *
 * <ol>
 *   <li><b>Closed-loop latency</b>: an account made over REST becomes a Tryton party; then, N
 *       times, something changes in Tryton over JSON-RPC (the party is renamed, or an invoice of a
 *       confirmed sale is posted) and the bench polls the CRM's REST API every 20 ms until the
 *       account shows it. The time runs from the moment Tryton's call returned (the change is
 *       committed) until the first GET that shows it. The connector polls Tryton every {@code
 *       --poll-ms} and leaves rows written in the last 2 s for the next poll, so both bound it.
 *   <li><b>Inbound JMS throughput</b>: the broker's raw pace first (M messages of the same bodies
 *       through a scratch queue to a plain consumer that commits a transaction per message, as the
 *       route does), then M canonical {@code payment-received} facts for the bench account on the
 *       CRM's {@code crm.erp.facts} queue, from the first send until the account's {@code
 *       paymentCount} (GET /accounts/{id}/erp) has grown by M.
 * </ol>
 *
 * <p>Options: {@code --rounds N} (50) latency rounds per kind of change, {@code --changes
 * party,invoice}, {@code --poll-ms P} (1000) the connector's poll interval, {@code --gap-ms G}
 * (1500) pause after each round, {@code --facts M} (10000), {@code --warmup W} (M/10, at most 1000)
 * messages per JMS pass before the measured ones, {@code --send-batch B} (100) messages per send
 * transaction, {@code --observe-ms O} (100) REST poll of the applied count, {@code --distribution
 * FILE} (karaf-assembly/target/*.tar.gz), {@code --work DIR} (bench/erp/target/crm), {@code
 * --max-mem} (1024m) the CRM JVM's heap, {@code --broker-audit-log off} (default {@code
 * as-shipped}) sets Artemis' audit loggers to WARN in the unpacked copy, to see what they cost.
 * Tryton comes from {@code TRYTON_URL}, {@code TRYTON_DB}, {@code TRYTON_USER}, {@code
 * TRYTON_PASSWORD_FILE}.
 */
public final class ErpBench {
  private static final Pattern ERP_REF = Pattern.compile("\"erpRef\":\"([^\"]+)\"");
  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
  private static final Duration LATENCY_POLL = Duration.ofMillis(20);
  private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, String> options;
  private final int rounds;
  private final List<String> changes;
  private final long pollMs;
  private final long gapMs;
  private final int facts;
  private final int warmup;
  private final int sendBatch;
  private final long observeMs;
  private final String brokerAuditLog;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private CrmDistribution crm;
  private TrytonClient tryton;
  private String accountId;
  private String party;

  private ErpBench(Map<String, String> options) {
    this.options = options;
    this.rounds = Integer.parseInt(options.getOrDefault("rounds", "50"));
    this.changes = Arrays.asList(options.getOrDefault("changes", "party,invoice").split(","));
    this.pollMs = Long.parseLong(options.getOrDefault("poll-ms", "1000"));
    this.gapMs = Long.parseLong(options.getOrDefault("gap-ms", "1500"));
    this.facts = Integer.parseInt(options.getOrDefault("facts", "10000").replace("_", ""));
    this.warmup =
        Integer.parseInt(
            options.getOrDefault("warmup", Integer.toString(Math.min(1000, facts / 10))));
    this.sendBatch = Integer.parseInt(options.getOrDefault("send-batch", "100"));
    this.observeMs = Long.parseLong(options.getOrDefault("observe-ms", "100"));
    this.brokerAuditLog = options.getOrDefault("broker-audit-log", "as-shipped");
    if (!brokerAuditLog.equals("off") && !brokerAuditLog.equals("as-shipped")) {
      throw new IllegalArgumentException("--broker-audit-log takes off or as-shipped");
    }
    for (String change : changes) {
      if (!change.equals("party") && !change.equals("invoice")) {
        throw new IllegalArgumentException("--changes takes party and/or invoice, not " + change);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    new ErpBench(parse(args)).run();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + arg);
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        options.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else if (i + 1 < args.length) {
        options.put(arg.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException(arg + " needs a value");
      }
    }
    return options;
  }

  private void run() throws Exception {
    Path base = Path.of(System.getProperty("bench.basedir", "bench/erp")).toAbsolutePath();
    Path tarball =
        options.containsKey("distribution")
            ? Path.of(options.get("distribution"))
            : distribution(base.resolve("../../karaf-assembly/target").normalize());
    Path work = Path.of(options.getOrDefault("work", base.resolve("target/crm").toString()));
    TrytonClient.Settings trytonSettings = TrytonClient.Settings.fromEnvironment();
    tryton = new TrytonClient(trytonSettings);
    progress("Tryton %s database %s answers", trytonSettings.url(), trytonSettings.database());

    crm = CrmDistribution.unpack(tarball, work, trytonSettings, pollMs);
    if (brokerAuditLog.equals("off")) {
      crm.quietBrokerAudit();
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly));
    long boot = System.nanoTime();
    crm.start(options.getOrDefault("max-mem", "1024m"));
    progress("starting %s in %s", tarball.getFileName(), crm.home());
    crm.awaitUp(Duration.ofMinutes(10));
    progress("CRM answers after %.1f s", (System.nanoTime() - boot) / 1e9);
    try {
      linkAccount();
      Map<String, Stats> latencies = new LinkedHashMap<>();
      Map<String, Integer> failures = new LinkedHashMap<>();
      Map<String, Stats> callTimes = new LinkedHashMap<>();
      for (String change : rounds > 0 ? changes : List.<String>of()) {
        List<Double> ms = new ArrayList<>();
        List<Double> calls = new ArrayList<>();
        int failed = change.equals("party") ? renames(ms, calls) : invoices(ms, calls);
        latencies.put(change, Stats.of(ms));
        callTimes.put(change, Stats.of(calls));
        failures.put(change, failed);
      }
      Thread.sleep(gapMs);
      JmsRates.Pass raw;
      JmsRates.Pass applied;
      try (JmsRates jms =
          new JmsRates(
              crm.brokerUrl(), CrmDistribution.BROKER_USER, crm.brokerPassword(), sendBatch)) {
        String scratch = "bench.raw." + run;
        progress("raw broker pass: %,d + %,d warm-up messages through %s", facts, warmup, scratch);
        jms.raw(scratch, bodies("raw-warmup", warmup));
        raw = jms.raw(scratch, bodies("raw", facts));
        progress("CRM pass: %,d + %,d warm-up payment-received facts", facts, warmup);
        jms.crm("crm.erp.facts", bodies("warmup", warmup), this::payments, observeMs, 120, DLQ);
        applied =
            jms.crm("crm.erp.facts", bodies("fact", facts), this::payments, observeMs, 120, DLQ);
      }
      report(latencies, failures, callTimes, raw, applied);
    } finally {
      stopQuietly();
    }
  }

  private static final String DLQ = "crm.erp.facts.DLQ";

  // --- the account and its party

  private void linkAccount() throws Exception {
    // The connector's routes come up with its ports; availability answering means they are there.
    Waits.until(
        "the Tryton connector (GET /erp/availability)",
        Duration.ofMinutes(3),
        Duration.ofMillis(500),
        () -> crm.get("/erp/availability?product=SERVICE&quantity=1").status() == 200 ? 1 : null);
    String name = "ERP bench " + run;
    CrmDistribution.Answer created =
        crm.post("/accounts", "{\"name\":\"" + name + "\",\"stage\":\"PROSPECT\"}");
    if (created.status() != 201) {
      throw new IllegalStateException("creating the bench account: " + created);
    }
    accountId = created.location().substring(created.location().lastIndexOf('/') + 1);
    long asked = System.nanoTime();
    party = Waits.orNull(Duration.ofSeconds(30), Duration.ofMillis(100), () -> erpRef());
    if (party == null) {
      // The account.created event may have gone out before the connector subscribed: an update
      // sends another event.
      CrmDistribution.Answer account = crm.get("/accounts/" + accountId);
      Matcher v = VERSION.matcher(account.body());
      v.find();
      crm.put(
          "/accounts/" + accountId,
          "\"" + v.group(1) + "\"",
          "{\"name\":\"" + name + "\",\"owner\":\"bench\",\"stage\":\"PROSPECT\"}");
      party =
          Waits.until(
              "account " + accountId + " linked to a Tryton party",
              Duration.ofSeconds(60),
              Duration.ofMillis(100),
              () -> erpRef());
    }
    progress(
        "account %s is Tryton party %s after %.0f ms",
        accountId, party, (System.nanoTime() - asked) / 1e6);
  }

  private String erpRef() {
    Matcher m = ERP_REF.matcher(crm.get("/accounts/" + accountId).body());
    return m.find() ? m.group(1) : null;
  }

  // --- closed loop

  /** Renames the party in Tryton and waits for the name on GET /accounts/{id}. */
  private int renames(List<Double> ms, List<Double> calls) throws Exception {
    int failed = 0;
    for (int i = 1; i <= rounds; i++) {
      String name = "ERP bench " + run + " renamed " + i;
      long c0 = System.nanoTime();
      tryton.model("party.party", "write", "[" + party + "],{\"name\":\"" + name + "\"}");
      long t0 = System.nanoTime();
      calls.add((t0 - c0) / 1e6);
      String shown = "\"name\":\"" + name + "\"";
      Long t1 =
          Waits.orNull(
              ROUND_TIMEOUT,
              LATENCY_POLL,
              () ->
                  crm.get("/accounts/" + accountId).body().contains(shown)
                      ? System.nanoTime()
                      : null);
      if (t1 == null) {
        failed++;
        String now = tryton.model("party.party", "read", "[" + party + "],[\"name\"]");
        progress(
            "rename %d not shown within %s; Tryton's party now reads %s", i, ROUND_TIMEOUT, now);
      } else {
        ms.add((t1 - t0) / 1e6);
        progress("rename %d/%d: %.0f ms", i, rounds, (t1 - t0) / 1e6);
      }
      Thread.sleep(gapMs);
    }
    return failed;
  }

  /**
   * Confirms a sale of one hour of SERVICE in Tryton (untimed), then posts its invoice and waits
   * for the account's invoice count (GET /accounts/{id}/erp) to rise.
   */
  private int invoices(List<Double> ms, List<Double> calls) throws Exception {
    long service = tryton.one("product.product", "[[\"template.code\",\"=\",\"SERVICE\"]]");
    long unit =
        TrytonClient.field(
            tryton.model("product.product", "read", "[" + service + "],[\"default_uom\"]"),
            "default_uom");
    long term = tryton.one("account.invoice.payment_term", "[[\"name\",\"=\",\"Net 30\"]]");
    long address =
        TrytonClient.field(
            tryton.model("party.party", "read", "[" + party + "],[\"addresses\"]"), "addresses");
    int failed = 0;
    long count = invoiceCount();
    for (int i = 1; i <= rounds; i++) {
      String created =
          tryton.model(
              "sale.sale",
              "create",
              "[{\"party\":"
                  + party
                  + ",\"invoice_address\":"
                  + address
                  + ",\"shipment_address\":"
                  + address
                  + ",\"payment_term\":"
                  + term
                  + ",\"description\":\"ERP bench "
                  + run
                  + " "
                  + i
                  + "\",\"lines\":[[\"create\",[{\"type\":\"line\",\"product\":"
                  + service
                  + ",\"quantity\":1.0,\"unit\":"
                  + unit
                  + ",\"unit_price\":{\"__class__\":\"Decimal\",\"decimal\":\"80.00\"}}]]]}]");
      long sale = TrytonClient.numbers(created).get(0);
      tryton.model("sale.sale", "quote", "[" + sale + "]");
      tryton.model("sale.sale", "confirm", "[" + sale + "]");
      long invoice =
          TrytonClient.field(
              tryton.model("sale.sale", "read", "[" + sale + "],[\"invoices\"]"), "invoices");
      // Let the sale's own facts pass first, so the timed wait is the invoice's alone.
      Thread.sleep(gapMs);
      long c0 = System.nanoTime();
      tryton.model("account.invoice", "post", "[" + invoice + "]");
      long t0 = System.nanoTime();
      calls.add((t0 - c0) / 1e6);
      long expected = count + 1;
      Long t1 =
          Waits.orNull(
              ROUND_TIMEOUT,
              LATENCY_POLL,
              () -> invoiceCount() >= expected ? System.nanoTime() : null);
      if (t1 == null) {
        failed++;
        progress("invoice %d not counted within %s", i, ROUND_TIMEOUT);
      } else {
        ms.add((t1 - t0) / 1e6);
        progress("invoice %d/%d: %.0f ms", i, rounds, (t1 - t0) / 1e6);
      }
      count = invoiceCount();
    }
    return failed;
  }

  private long invoiceCount() {
    return snapshotNumber("invoiceCount");
  }

  private long payments() {
    return snapshotNumber("paymentCount");
  }

  private long snapshotNumber(String field) {
    CrmDistribution.Answer snapshot = crm.get("/accounts/" + accountId + "/erp");
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(snapshot.body());
    if (snapshot.status() != 200 || !m.find()) {
      throw new IllegalStateException("GET /accounts/" + accountId + "/erp: " + snapshot);
    }
    return Long.parseLong(m.group(1));
  }

  // --- JMS

  /** payment-received facts of 0.01 EUR for the bench account, unique message ids. */
  private List<String> bodies(String kind, int n) {
    List<String> bodies = new ArrayList<>(n);
    String at = Instant.now().toString();
    for (int i = 1; i <= n; i++) {
      String id = String.format(Locale.ROOT, "bench-%s-%s-%07d", run, kind, i);
      bodies.add(
          "{\"type\":\"payment-received\",\"schemaVersion\":1,\"messageId\":\""
              + id
              + "\",\"erpSystem\":\"bench\",\"customerRef\":\""
              + party
              + "\",\"paymentRef\":\""
              + id
              + "\",\"invoiceNumber\":null,\"amount\":\"0.01\",\"currency\":\"EUR\","
              + "\"receivedAt\":\""
              + at
              + "\"}");
    }
    return bodies;
  }

  // --- output

  private void report(
      Map<String, Stats> latencies,
      Map<String, Integer> failures,
      Map<String, Stats> callTimes,
      JmsRates.Pass raw,
      JmsRates.Pass applied) {
    System.out.printf(
        Locale.ROOT,
        "crm-erp-bench: Tryton poll interval %d ms (the connector also leaves rows written in the"
            + " last 2 s for the next poll), REST polled every %d ms, broker audit log %s%n",
        pollMs,
        LATENCY_POLL.toMillis(),
        brokerAuditLog);
    if (!latencies.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "%-22s %6s %6s %9s %9s %9s %9s %16s%n",
          "closed loop",
          "count",
          "failed",
          "p50 ms",
          "p95 ms",
          "max ms",
          "min ms",
          "Tryton call p50");
      latencies.forEach(
          (change, s) ->
              System.out.printf(
                  Locale.ROOT,
                  "%-22s %6d %6d %9.0f %9.0f %9.0f %9.0f %13.0f ms%n",
                  change.equals("party") ? "party renamed" : "invoice posted",
                  s.count(),
                  failures.get(change),
                  s.percentile(50),
                  s.percentile(95),
                  s.max(),
                  s.min(),
                  callTimes.get(change).percentile(50)));
    }
    System.out.printf(
        Locale.ROOT, "%-22s %8s %10s %12s%n", "JMS inbound", "messages", "seconds", "per second");
    System.out.printf(
        Locale.ROOT,
        "%-22s %,8d %10.2f %12.0f   (sending took %.2f s)%n",
        "raw broker consume",
        raw.messages(),
        raw.seconds(),
        raw.perSecond(),
        raw.sendSeconds());
    System.out.printf(
        Locale.ROOT,
        "%-22s %,8d %10.2f %12.0f   (sending took %.2f s)%n",
        "CRM facts applied",
        applied.messages(),
        applied.seconds(),
        applied.perSecond(),
        applied.sendSeconds());
    StringBuilder result = new StringBuilder("RESULT");
    latencies.forEach(
        (change, s) ->
            result.append(
                String.format(
                    Locale.ROOT,
                    " %s p50 %.0f ms p95 %.0f ms (n=%d) |",
                    change.equals("party") ? "rename" : "invoice",
                    s.percentile(50),
                    s.percentile(95),
                    s.count())));
    result.append(
        String.format(
            Locale.ROOT,
            " poll %d ms | JMS facts %,.0f/s | raw broker %,.0f msg/s | facts = %.1f%% of raw"
                + " (%,d msgs, broker audit log %s)",
            pollMs,
            applied.perSecond(),
            raw.perSecond(),
            100.0 * applied.perSecond() / raw.perSecond(),
            facts,
            brokerAuditLog));
    System.out.println(result);
  }

  private static void progress(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[erp-bench] " + format + "%n", args);
  }

  private void stopQuietly() {
    CrmDistribution c = crm;
    if (c != null) {
      try {
        c.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Path distribution(Path target) throws Exception {
    if (!Files.isDirectory(target)) {
      throw new IllegalStateException(
          "no "
              + target
              + ": build the distribution (mvn install -DskipTests -pl '!itests,!bench')");
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".tar.gz"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no *.tar.gz in " + target));
    }
  }
}
