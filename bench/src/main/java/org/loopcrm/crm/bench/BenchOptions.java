package org.loopcrm.crm.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The driver's command line, parsed and validated.
 *
 * @param baseUrl the CRM's root, e.g. {@code http://localhost:8181}; the only host ever contacted
 * @param user HTTP Basic user
 * @param password HTTP Basic password
 * @param clients concurrent closed-loop clients
 * @param measured measured time per scenario, summed over its rounds
 * @param warmup length of the single warm-up phase before the first measured phase
 * @param scenarios what to measure, in the order they take turns within a round
 * @param rounds how many slices each scenario's measured time is cut into; the scenarios take turns
 *     slice by slice, so slow drift during the run affects them all alike
 * @param requestTimeout how long one request may take before it counts as an error
 * @param out where to also write the figures as JSON, if anywhere
 * @param help whether {@code --help} was asked for
 */
public record BenchOptions(
    URI baseUrl,
    String user,
    String password,
    int clients,
    Duration measured,
    Duration warmup,
    List<Scenario> scenarios,
    int rounds,
    Duration requestTimeout,
    Optional<String> out,
    boolean help) {

  static final int MAX_CLIENTS = 1024;
  static final int MAX_ROUNDS = 1000;
  static final Duration MIN_SLICE = Duration.ofMillis(10);

  /** The usage text printed by {@code --help} and after a bad argument. */
  public static final String USAGE =
      String.join(
          System.lineSeparator(),
          "usage: java -jar bench/target/crm-bench.jar [options]",
          "  --url URL          CRM root URL (default http://localhost:8181)",
          "  --user NAME        HTTP Basic user (default admin)",
          "  --password PW      HTTP Basic password (default admin)",
          "  --clients K        concurrent clients (default 8)",
          "  --seconds N        measured seconds per scenario (default 20; decimals allowed)",
          "  --warmup W         warm-up seconds before measuring (default 5; 0 = none)",
          "  --scenarios LIST   comma-separated, take turns in this order (default create,read,ping)",
          "  --rounds R         cut each scenario's seconds into R interleaved slices (default 4)",
          "  --timeout S        per-request timeout in seconds (default 10)",
          "  --out FILE         also write the figures as JSON to FILE",
          "  --help             print this text");

  /** Defaults only; what {@link #parse} starts from. */
  public static BenchOptions defaults() {
    return new BenchOptions(
        URI.create("http://localhost:8181"),
        "admin",
        "admin",
        8,
        Duration.ofSeconds(20),
        Duration.ofSeconds(5),
        List.of(Scenario.CREATE, Scenario.READ, Scenario.PING),
        4,
        Duration.ofSeconds(10),
        Optional.empty(),
        false);
  }

  /**
   * Parses {@code --name value} and {@code --name=value} options.
   *
   * @throws IllegalArgumentException with a message meant for the user on any bad option
   */
  public static BenchOptions parse(String... args) {
    BenchOptions d = defaults();
    URI url = d.baseUrl();
    String user = d.user();
    String password = d.password();
    int clients = d.clients();
    Duration measured = d.measured();
    Duration warmup = d.warmup();
    List<Scenario> scenarios = d.scenarios();
    int rounds = d.rounds();
    Duration timeout = d.requestTimeout();
    Optional<String> out = d.out();
    boolean help = false;

    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else {
        name = arg.substring(2);
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option --" + name + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "url" -> url = parseUrl(value);
        case "user" -> user = nonBlank(name, value);
        case "password" -> password = value;
        case "clients" -> clients = parseCount(name, value, MAX_CLIENTS);
        case "rounds" -> rounds = parseCount(name, value, MAX_ROUNDS);
        case "seconds" -> measured = parseSeconds(name, value, false);
        case "warmup" -> warmup = parseSeconds(name, value, true);
        case "scenarios" -> scenarios = parseScenarios(value);
        case "timeout" -> timeout = parseSeconds(name, value, false);
        case "out" -> out = Optional.of(nonBlank(name, value));
        default -> throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    if (measured.toNanos() / rounds < MIN_SLICE.toNanos()) {
      throw new IllegalArgumentException(
          "--seconds "
              + BenchReport.seconds(measured)
              + " cut into --rounds "
              + rounds
              + " gives slices under "
              + MIN_SLICE.toMillis()
              + " ms; use fewer rounds");
    }
    return new BenchOptions(
        url, user, password, clients, measured, warmup, scenarios, rounds, timeout, out, help);
  }

  private static URI parseUrl(String value) {
    URI uri;
    try {
      uri = URI.create(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url '" + value + "' is not a URL", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "--url '" + value + "' must be an http(s) URL with a host, e.g. http://localhost:8181");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("--url '" + value + "' must not carry a query");
    }
    // The API paths are appended to the root: drop a trailing slash so they do not double up.
    String s = uri.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  private static int parseCount(String name, String value, int max) {
    int k;
    try {
      k = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " '" + value + "' is not a whole number", e);
    }
    if (k < 1 || k > max) {
      throw new IllegalArgumentException(
          "--" + name + " must be between 1 and " + max + ", was " + k);
    }
    return k;
  }

  private static Duration parseSeconds(String name, String value, boolean zeroAllowed) {
    BigDecimal seconds;
    try {
      seconds = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " '" + value + "' is not a number", e);
    }
    int sign = seconds.signum();
    if (sign < 0 || (sign == 0 && !zeroAllowed)) {
      throw new IllegalArgumentException(
          "--" + name + " must be " + (zeroAllowed ? "zero or more" : "more than zero"));
    }
    if (seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
      throw new IllegalArgumentException("--" + name + " must be at most one day");
    }
    long millis = seconds.movePointRight(3).longValue();
    if (millis == 0 && sign > 0) {
      throw new IllegalArgumentException("--" + name + " must be at least 0.001");
    }
    return Duration.ofMillis(millis);
  }

  private static List<Scenario> parseScenarios(String value) {
    Set<Scenario> picked = new LinkedHashSet<>();
    for (String part : value.split(",", -1)) {
      if (part.isBlank()) {
        continue;
      }
      Scenario s = Scenario.fromLabel(part);
      if (!picked.add(s)) {
        throw new IllegalArgumentException("--scenarios names '" + s.label() + "' twice");
      }
    }
    if (picked.isEmpty()) {
      throw new IllegalArgumentException("--scenarios must name at least one scenario");
    }
    return List.copyOf(new ArrayList<>(picked));
  }

  private static String nonBlank(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " must not be empty");
    }
    return value;
  }

  /** Options as shown in the report; the password never appears. */
  @Override
  public String toString() {
    return "BenchOptions[url="
        + baseUrl
        + ", user="
        + user
        + ", clients="
        + clients
        + ", measured="
        + measured
        + ", warmup="
        + warmup
        + ", scenarios="
        + scenarios
        + ", rounds="
        + rounds
        + ", timeout="
        + requestTimeout
        + ", out="
        + out.orElse("-")
        + "]";
  }
}
