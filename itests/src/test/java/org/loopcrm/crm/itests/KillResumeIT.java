package org.loopcrm.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
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
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Test;

/**
 * The import survives {@code kill -9}: the distribution runs as a separate JVM on PostgreSQL, an
 * import of {@code crm.itest.killResume.rows} rows (default 3000: the build machine is slow; 50000
 * on a quiet one) starts through REST, the JVM is killed (SIGKILL, no shutdown hook runs) once part
 * of the rows are in, and started again. The job resumes from its checkpoint and ends DONE with
 * every row exactly once: as many accounts as rows, no duplicate ERP reference, every account
 * complete with one audit entry and one outbox event, one report row per file row. Not a Pax Exam
 * test: Pax Exam cannot kill its own container.
 */
public class KillResumeIT {
  static final int ROWS = Integer.getInteger("crm.itest.killResume.rows", 3_000);
  private static final Duration BOOT = Duration.ofMinutes(10);
  private final HttpClient http = HttpClient.newHttpClient();
  private Process karaf;
  private int httpPort;

  @After
  public void stop() throws InterruptedException {
    if (karaf != null && karaf.isAlive()) {
      karaf.destroy();
      if (!karaf.waitFor(60, TimeUnit.SECONDS)) {
        karaf.destroyForcibly();
      }
    }
  }

  @Test
  public void anImportKilledMidRunResumesWithNoDuplicateAndNoHalfWrittenRow() throws Exception {
    int pgPort = EmbeddedPostgresServer.start();
    Path home = unpack();
    configure(home, pgPort);
    String prefix = "KR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    StringBuilder csv = new StringBuilder("name,erpRef,taxId\n");
    for (int i = 1; i <= ROWS; i++) {
      csv.append("Kill resume ").append(prefix).append(' ').append(i).append(',');
      csv.append(prefix).append('-').append(i).append(",DE").append(100000 + i).append('\n');
    }

    karaf = launch(home, "first");
    awaitUp();
    HttpResponse<String> started =
        send(
            HttpRequest.newBuilder(uri("/imports?match=erpRef&fileName=kill.csv"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)));
    assertEquals(started.body(), 202, started.statusCode());
    String id = field(started.body(), "\"id\":\"([0-9a-f-]{36})\"");

    long before =
        CrmTestSupport.waitFor(
            "a part of the rows imported",
            Duration.ofMinutes(5),
            () -> {
              long processed = number(job(id), "rowsProcessed");
              return processed >= ROWS / 10 ? processed : null;
            });
    assertTrue("killed before the end", before < ROWS);
    ProcessHandle jvm = karaf.toHandle();
    assertTrue(
        "the process is the JVM itself, not a script: " + jvm.info().command(),
        jvm.info().command().orElse("").endsWith("java"));
    karaf.destroyForcibly(); // SIGKILL
    assertTrue(karaf.waitFor(60, TimeUnit.SECONDS));

    try (Connection c = postgres(pgPort)) {
      long atKill = count(c, "select rows_processed from crm_import_job where id = ?", id);
      assertEquals(
          "the checkpoint and the report agree at the kill",
          atKill,
          count(c, "select count(*) from crm_import_row where job_id = ?", id));
      assertEquals(
          "the accounts and the report agree at the kill",
          atKill,
          count(c, "select count(*) from crm_organization where erp_ref like ?", prefix + "-%"));
      assertTrue("killed mid-run: " + atKill, atKill < ROWS);
    }

    karaf = launch(home, "second");
    awaitUp();
    String done =
        CrmTestSupport.waitFor(
            "the import resumed and done",
            Duration.ofMinutes(20),
            () -> {
              String job = job(id);
              assertTrue(job, !job.contains("\"state\":\"FAILED\""));
              return job.contains("\"state\":\"DONE\"") ? job : null;
            });
    assertEquals(done, ROWS, number(done, "rowsProcessed"));
    assertEquals(done, ROWS, number(done, "inserted"));
    assertEquals(done, 0, number(done, "rejected"));

    try (Connection c = postgres(pgPort)) {
      String like = prefix + "-%";
      assertEquals(
          ROWS, count(c, "select count(*) from crm_organization where erp_ref like ?", like));
      assertEquals(
          ROWS,
          count(
              c,
              "select count(distinct erp_ref) from crm_organization where erp_ref like ?",
              like));
      assertEquals(
          "every account complete",
          0,
          count(
              c,
              "select count(*) from crm_organization o where o.erp_ref like ? and (o.tax_id is null"
                  + " or o.name <> 'Kill resume ' || ? || ' ' || substr(o.erp_ref, length(?) + 2)"
                  + " or o.tax_id <> 'DE' || (100000 + cast(substr(o.erp_ref, length(?) + 2) as"
                  + " integer)))",
              like,
              prefix,
              prefix,
              prefix));
      assertEquals(
          "one audit entry per account",
          ROWS,
          count(
              c,
              "select count(*) from crm_audit_entry a join crm_organization o on a.record_id ="
                  + " o.party_id where o.erp_ref like ?",
              like));
      assertEquals(
          "one account.created event per account",
          ROWS,
          count(
              c,
              "select count(*) from crm_outbox e join crm_organization o on e.aggregate_id ="
                  + " o.party_id where o.erp_ref like ? and e.event_type = 'account.created'",
              like));
      assertEquals(
          "one report row per file row",
          ROWS,
          count(
              c,
              "select count(distinct row_no) from crm_import_row where job_id = ? and outcome ="
                  + " 'INSERTED'",
              id));
      assertEquals(
          "the report names each account once",
          ROWS,
          count(c, "select count(distinct record_id) from crm_import_row where job_id = ?", id));
    }
  }

  // --- the distribution as a process

  private static Path unpack() throws IOException, InterruptedException {
    File tarball = new File(System.getProperty("crm.distribution"));
    Path dir = Path.of("target", "kill-resume", UUID.randomUUID().toString()).toAbsolutePath();
    Files.createDirectories(dir);
    Process tar =
        new ProcessBuilder("tar", "xzf", tarball.getAbsolutePath(), "-C", dir.toString())
            .inheritIO()
            .start();
    assertEquals(0, tar.waitFor());
    try (var entries = Files.list(dir)) {
      return entries.findFirst().orElseThrow();
    }
  }

  private void configure(Path home, int pgPort) throws IOException {
    Path etc = home.resolve("etc");
    httpPort = freePort();
    put(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", httpPort);
    put(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", freePort());
    put(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", freePort());
    put(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", freePort());
    put(etc.resolve("system.properties"), "crm.broker.port", freePort());
    put(etc.resolve("crm.routes.cfg"), "brokerUser", "crm-broker");
    put(etc.resolve("crm.routes.cfg"), "brokerPasswordFile", "${karaf.etc}/crm-broker.password");
    Files.copy(
        Path.of("src/test/resources/etc/users.properties"),
        etc.resolve("users.properties"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        Path.of("src/test/resources/etc/crm-broker.password"),
        etc.resolve("crm-broker.password"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        EmbeddedPostgresServer.datasourceConfiguration(pgPort).toPath(),
        etc.resolve("org.ops4j.datasource-crm.cfg"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(etc.resolve("crm.import.cfg"), "chunkSize = 100\n");
  }

  /** Sets a key in a properties-style file, replacing the line if there is one. */
  private static void put(Path file, String key, Object value) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "";
    String line = key + " = " + value;
    Pattern p = Pattern.compile("(?m)^\\s*#?\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
    Matcher m = p.matcher(text);
    text = m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : text + "\n" + line + "\n";
    Files.writeString(file, text);
  }

  /** bin/karaf server with KARAF_EXEC=exec: the script replaces itself by the JVM. */
  private static Process launch(Path home, String run) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(List.of(home.resolve("bin/karaf").toString(), "server"))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("karaf-" + run + ".out").toFile());
    pb.environment().put("KARAF_EXEC", "exec");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("JAVA_MAX_MEM", "768m");
    return pb.start();
  }

  private void awaitUp() {
    CrmTestSupport.waitFor(
        "the CRM answering on port " + httpPort,
        BOOT,
        () -> {
          assertTrue("karaf exited", karaf.isAlive());
          return send(HttpRequest.newBuilder(uri("/ping")).GET()).statusCode() == 200;
        });
  }

  private String job(String id) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/imports/" + id)).GET());
    assertEquals(r.body(), 200, r.statusCode());
    return r.body();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + httpPort + CrmTestSupport.API + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request
              .timeout(Duration.ofMinutes(2))
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString("sales:sales".getBytes(StandardCharsets.UTF_8)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String field(String json, String regex) {
    Matcher m = Pattern.compile(regex).matcher(json);
    assertTrue(regex + " in " + json, m.find());
    return m.group(1);
  }

  private static long number(String json, String name) {
    return Long.parseLong(field(json, "\"" + name + "\":(\\d+)"));
  }

  private static Connection postgres(int port) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/crm", "postgres", "");
  }

  private static long count(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
