package org.loopcrm.crm.bench.erp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CRM distribution as a separate JVM, as an operator runs it: the tar.gz unpacked under a work
 * directory, free ports, a REST user and a broker user of its own with random passwords, the Tryton
 * connector configured and booted, {@code bin/karaf server} started, and a small REST client.
 */
final class CrmDistribution implements AutoCloseable {
  static final String API = "/crm/api/v1";
  static final String BROKER_USER = "crm-bench";
  private static final String REST_USER = "bench";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Path home;
  private final String restPassword = secret();
  private final String brokerPassword = secret();
  private final String authorization;
  private final int httpPort = freePort();
  private final int brokerPort = freePort();
  private Process karaf;

  private CrmDistribution(Path home) {
    this.home = home;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((REST_USER + ":" + restPassword).getBytes(StandardCharsets.UTF_8));
  }

  /** Unpacks {@code tarball} into a fresh {@code workDir} and configures it; does not start it. */
  static CrmDistribution unpack(
      Path tarball, Path workDir, TrytonClient.Settings tryton, long pollMs)
      throws IOException, InterruptedException {
    if (Files.exists(workDir)) {
      try (Stream<Path> walk = Files.walk(workDir)) {
        for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(workDir);
    Process tar =
        new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", workDir.toString())
            .inheritIO()
            .start();
    if (tar.waitFor() != 0) {
      throw new IOException("tar xzf " + tarball + " failed");
    }
    Path home;
    try (Stream<Path> entries = Files.list(workDir)) {
      home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    CrmDistribution crm = new CrmDistribution(home);
    crm.configure(tryton, pollMs);
    return crm;
  }

  private void configure(TrytonClient.Settings tryton, long pollMs) throws IOException {
    Path etc = home.resolve("etc");
    put(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", httpPort);
    put(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", freePort());
    put(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", freePort());
    put(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", freePort());
    put(etc.resolve("system.properties"), "crm.broker.port", brokerPort);
    put(etc.resolve("crm.routes.cfg"), "brokerUser", BROKER_USER);
    put(etc.resolve("crm.routes.cfg"), "brokerPasswordFile", "${karaf.etc}/crm-broker.password");
    Files.writeString(etc.resolve("crm-broker.password"), brokerPassword + "\n");
    // The REST user may see finance facts (the ERP snapshot); the broker user needs role manager.
    Files.writeString(
        etc.resolve("users.properties"),
        "# Written by the ERP bench: throwaway users with random passwords.\n"
            + REST_USER
            + " = "
            + restPassword
            + ",crm-admin\n"
            + BROKER_USER
            + " = "
            + brokerPassword
            + ",manager\n");
    Files.writeString(
        etc.resolve("crm.erp.tryton.cfg"),
        "url = "
            + tryton.url()
            + "\ndatabase = "
            + tryton.database()
            + "\nuser = "
            + tryton.user()
            + "\npasswordFile = "
            + tryton.passwordFile()
            + "\npollIntervalMs = "
            + pollMs
            + "\n");
    // The connector ships in system/ but is not booted: boot it in a stage after the CRM's.
    Path features = etc.resolve("org.apache.karaf.features.cfg");
    String text = Files.readString(features);
    String booted = text.replaceFirst("\\(crm\\)(\\s*\\n)", "(crm), \\\\\n    (crm-erp-tryton)$1");
    if (booted.equals(text)) {
      throw new IllegalStateException("no (crm) boot stage in " + features);
    }
    Files.writeString(features, booted);
  }

  /**
   * Artemis' audit loggers ({@code org.apache.activemq.audit.*}) log every connection, send and
   * delivery at INFO, which the distribution's root level lets through: WARN keeps them quiet.
   */
  void quietBrokerAudit() throws IOException {
    Files.writeString(
        home.resolve("etc/org.ops4j.pax.logging.cfg"),
        "\n# ERP bench --broker-audit-log off\n"
            + "log4j2.logger.benchamqaudit.name = org.apache.activemq.audit\n"
            + "log4j2.logger.benchamqaudit.level = WARN\n",
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** bin/karaf server with KARAF_EXEC=exec: the script replaces itself by the JVM. */
  void start(String maxMemory) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(List.of(home.resolve("bin/karaf").toString(), "server"))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("karaf.out").toFile());
    pb.environment().put("KARAF_EXEC", "exec");
    pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("JAVA_MAX_MEM", maxMemory);
    karaf = pb.start();
  }

  /** Waits until {@code /ping} answers 200. */
  void awaitUp(Duration timeout) {
    Waits.until(
        "the CRM answering on port " + httpPort,
        timeout,
        Duration.ofMillis(500),
        () -> {
          if (!karaf.isAlive()) {
            throw new IllegalStateException(
                "karaf exited with " + karaf.exitValue() + "; see " + home.resolve("karaf.out"));
          }
          try {
            return get("/ping").status() == 200 ? Boolean.TRUE : null;
          } catch (UncheckedIOException e) {
            return null;
          }
        });
  }

  /** SIGTERM (Karaf's shutdown hook stops the framework), SIGKILL after a minute. */
  @Override
  public void close() throws InterruptedException {
    if (karaf != null && karaf.isAlive()) {
      karaf.destroy();
      if (!karaf.waitFor(60, TimeUnit.SECONDS)) {
        System.err.println("karaf did not stop within 60 s: killing it");
        karaf.destroyForcibly();
        karaf.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  Path home() {
    return home;
  }

  String brokerUrl() {
    return "tcp://127.0.0.1:" + brokerPort;
  }

  String brokerPassword() {
    return brokerPassword;
  }

  // --- REST

  record Answer(int status, String body, String location) {
    @Override
    public String toString() {
      return "HTTP " + status + " " + body;
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Answer post(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer put(String path, String ifMatch, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("If-Match", ifMatch)
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + API + path);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          http.send(
              request
                  .timeout(Duration.ofSeconds(60))
                  .header("Authorization", authorization)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- helpers

  /** Sets a key in a properties-style file, replacing the line if there is one. */
  private static void put(Path file, String key, Object value) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "";
    String line = key + " = " + value;
    Matcher m =
        Pattern.compile("(?m)^\\s*#?\\s*" + Pattern.quote(key) + "\\s*[=:].*$").matcher(text);
    text = m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : text + "\n" + line + "\n";
    Files.writeString(file, text);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String secret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
  }
}
