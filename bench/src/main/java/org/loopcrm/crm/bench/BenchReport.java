package org.loopcrm.crm.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The figures of one run: every measured phase, and each CRM scenario's throughput as a fraction of
 * the trivial endpoint's, measured by the same clients against the same container.
 *
 * @param options what was asked for
 * @param startedAt when the run started
 * @param warmup what the warm-up did
 * @param results one per measured scenario, in the order they ran
 */
public record BenchReport(
    BenchOptions options, Instant startedAt, WarmupSummary warmup, List<ScenarioResult> results) {

  /** The result of {@code scenario}, if it was measured. */
  public Optional<ScenarioResult> result(Scenario scenario) {
    return results.stream().filter(r -> r.scenario() == scenario).findFirst();
  }

  /**
   * Throughput of each measured CRM scenario divided by that of {@code ping}; empty when ping was
   * not measured or had no successful request.
   */
  public Map<Scenario, Double> ratiosToPing() {
    Map<Scenario, Double> ratios = new LinkedHashMap<>();
    result(Scenario.PING)
        .filter(p -> p.requestsPerSecond() > 0)
        .ifPresent(
            ping ->
                results.stream()
                    .filter(r -> r.scenario() != Scenario.PING)
                    .forEach(
                        r ->
                            ratios.put(
                                r.scenario(), r.requestsPerSecond() / ping.requestsPerSecond())));
    return ratios;
  }

  /** Errors over all measured phases. */
  public long totalErrors() {
    return results.stream().mapToLong(ScenarioResult::errors).sum();
  }

  /** The human-readable report. */
  public String toText() {
    StringBuilder b = new StringBuilder();
    String nl = System.lineSeparator();
    b.append(
            String.format(
                Locale.ROOT,
                "Loop CRM bench: %s as %s, %d clients, warm-up %s s, %s s per scenario in %d"
                    + " round%s",
                options.baseUrl(),
                options.user(),
                options.clients(),
                seconds(options.warmup()),
                seconds(options.measured()),
                options.rounds(),
                options.rounds() == 1 ? "" : "s"))
        .append(nl);
    b.append(
            String.format(
                Locale.ROOT,
                "warm-up: %d requests, %d errors, %d accounts to read",
                warmup.requests(),
                warmup.errors(),
                warmup.accountsToRead()))
        .append(nl);
    for (String sample : warmup.errorSamples()) {
      b.append("  warm-up error: ").append(sample).append(nl);
    }
    b.append(nl);
    b.append(
            String.format(
                Locale.ROOT,
                "%-8s %10s %8s %11s %9s %9s %9s %9s",
                "scenario",
                "requests",
                "errors",
                "req/s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms"))
        .append(nl);
    for (ScenarioResult r : results) {
      b.append(
              String.format(
                  Locale.ROOT,
                  "%-8s %10d %8d %11.1f %9.3f %9.3f %9.3f %9.3f",
                  r.scenario().label(),
                  r.requests(),
                  r.errors(),
                  r.requestsPerSecond(),
                  r.latencyMillis(50),
                  r.latencyMillis(90),
                  r.latencyMillis(99),
                  r.maxMillis()))
          .append(nl);
    }
    for (ScenarioResult r : results) {
      if (r.errors() == 0) {
        continue;
      }
      StringJoiner kinds = new StringJoiner(", ");
      r.errorKinds().forEach((kind, n) -> kinds.add(kind + " x" + n));
      b.append(nl)
          .append("errors in ")
          .append(r.scenario().label())
          .append(": ")
          .append(r.errors())
          .append(" (")
          .append(kinds)
          .append(")")
          .append(nl);
      for (String sample : r.errorSamples()) {
        b.append("  ").append(sample).append(nl);
      }
    }
    Map<Scenario, Double> ratios = ratiosToPing();
    if (!ratios.isEmpty()) {
      b.append(nl).append("throughput relative to ping (same run, same clients):").append(nl);
      ratios.forEach(
          (s, ratio) ->
              b.append(
                      String.format(
                          Locale.ROOT,
                          "  %-12s %.3f  (%.1f %% of the trivial endpoint's req/s)",
                          s.label() + "/ping",
                          ratio,
                          ratio * 100))
                  .append(nl));
    } else if (result(Scenario.PING).isPresent()) {
      b.append(nl).append("no ratio: ping had no successful request").append(nl);
    }
    return b.toString();
  }

  /** The same figures as JSON, for {@code --out}. */
  public String toJson() {
    String nl = "\n";
    StringBuilder b = new StringBuilder("{").append(nl);
    b.append("  \"tool\": \"crm-bench\",").append(nl);
    b.append("  \"startedAt\": ").append(Json.string(startedAt.toString())).append(',').append(nl);
    b.append("  \"url\": ")
        .append(Json.string(options.baseUrl().toString()))
        .append(',')
        .append(nl);
    b.append("  \"user\": ").append(Json.string(options.user())).append(',').append(nl);
    b.append("  \"clients\": ").append(options.clients()).append(',').append(nl);
    b.append("  \"warmupSeconds\": ").append(seconds(options.warmup())).append(',').append(nl);
    b.append("  \"secondsPerScenario\": ")
        .append(seconds(options.measured()))
        .append(',')
        .append(nl);
    b.append("  \"rounds\": ").append(options.rounds()).append(',').append(nl);
    b.append("  \"warmup\": {\"requests\": ")
        .append(warmup.requests())
        .append(", \"errors\": ")
        .append(warmup.errors())
        .append(", \"accountsToRead\": ")
        .append(warmup.accountsToRead())
        .append("},")
        .append(nl);
    b.append("  \"scenarios\": [").append(nl);
    for (int i = 0; i < results.size(); i++) {
      ScenarioResult r = results.get(i);
      b.append("    {\"name\": ").append(Json.string(r.scenario().label()));
      b.append(", \"requests\": ").append(r.requests());
      b.append(", \"errors\": ").append(r.errors());
      b.append(", \"seconds\": ").append(seconds(r.length()));
      b.append(", \"requestsPerSecond\": ").append(Json.number(r.requestsPerSecond()));
      b.append(", \"latencyMs\": {\"p50\": ").append(Json.number(r.latencyMillis(50)));
      b.append(", \"p90\": ").append(Json.number(r.latencyMillis(90)));
      b.append(", \"p99\": ").append(Json.number(r.latencyMillis(99)));
      b.append(", \"max\": ").append(Json.number(r.maxMillis()));
      b.append(", \"mean\": ").append(Json.number(r.latencies().mean() / 1000.0)).append('}');
      StringJoiner kinds = new StringJoiner(", ", "{", "}");
      r.errorKinds().forEach((kind, n) -> kinds.add(Json.string(kind) + ": " + n));
      b.append(", \"errorKinds\": ").append(kinds);
      StringJoiner samples = new StringJoiner(", ", "[", "]");
      r.errorSamples().forEach(s -> samples.add(Json.string(s)));
      b.append(", \"errorSamples\": ").append(samples).append('}');
      b.append(i + 1 < results.size() ? "," : "").append(nl);
    }
    b.append("  ],").append(nl);
    StringJoiner ratios = new StringJoiner(", ", "{", "}");
    ratiosToPing().forEach((s, ratio) -> ratios.add(Json.string(s.label()) + ": " + ratio(ratio)));
    b.append("  \"ratioToPing\": ").append(ratios).append(nl);
    return b.append("}").append(nl).toString();
  }

  private static String ratio(double r) {
    return String.format(Locale.ROOT, "%.4f", r);
  }

  static String seconds(Duration d) {
    BigDecimal s = BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }
}
