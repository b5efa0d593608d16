package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loopcrm.crm.itests.CrmTestSupport;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Duplicate detection through REST in the distribution (which proves commons-text resolves in the
 * feature): candidates returned on create in mode warn, a draft checked without writing, mode block
 * set through ConfigAdmin refusing with 409 duplicate-candidates unless ?duplicates=ignore, a
 * background scan polled to DONE, its cluster listed and dismissed with If-Match, scans refused to
 * a sales user, and the shell commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DuplicatesIT extends CrmTestSupport {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @Before
  public void ready() {
    awaitCrmReady();
  }

  @Test
  public void warnBlockScanAndDismiss() {
    String sfx = UUID.randomUUID().toString().substring(0, 6);
    HttpResult first =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"Brauerei Zwettl " + sfx + " GmbH\",\"taxId\":\"ATU" + sfx + "\"}");
    assertEquals(first.toString(), 201, first.status());
    assertFalse(first.body(), first.body().contains("duplicateCandidates"));
    String firstId = idOf(first);

    // Mode warn (the shipped default): created, with the candidates.
    HttpResult second =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"Brauerei Zwetl " + sfx + "\",\"taxId\":\"atu " + sfx + "\"}");
    assertEquals(second.toString(), 201, second.status());
    assertTrue(
        second.body(), second.body().contains("\"duplicateCandidates\":[{\"id\":\"" + firstId));
    assertTrue(second.body(), second.body().contains("\"rule\":\"taxId\""));
    String secondId = idOf(second);

    HttpResult check =
        post(
            API + "/duplicates/check/account",
            DemoUser.SALES,
            "{\"name\":\"brauerei zwettl " + sfx + "\"}");
    assertEquals(check.toString(), 200, check.status());
    assertTrue(check.body(), check.body().contains(firstId));
    assertTrue(check.body(), check.body().contains(secondId));
    assertTrue(check.body(), check.body().contains("\"rule\":\"name\""));

    // Mode block, through ConfigAdmin.
    executeCommand("config:property-set -p org.loopcrm.crm.dedupe mode block");
    try {
      HttpResult refused =
          waitFor(
              "mode block to take effect",
              WAIT,
              () -> {
                HttpResult r =
                    post(
                        API + "/accounts",
                        DemoUser.SALES,
                        "{\"name\":\"Brauerei Zwettl " + sfx + "\"}");
                if (r.status() != 409) {
                  throw new AssertionError("still " + r);
                }
                return r;
              });
      assertTrue(refused.body(), refused.body().contains("/duplicate-candidates\""));
      assertTrue(refused.body(), refused.body().contains("\"candidates\":["));
      assertTrue(refused.body(), refused.body().contains(firstId));
      HttpResult forced =
          post(
              API + "/accounts?duplicates=ignore",
              DemoUser.SALES,
              "{\"name\":\"Brauerei Zwettl " + sfx + "\"}");
      assertEquals(forced.toString(), 201, forced.status());
      HttpResult nonsense =
          post(API + "/accounts?duplicates=maybe", DemoUser.SALES, "{\"name\":\"X " + sfx + "\"}");
      assertEquals(nonsense.toString(), 422, nonsense.status());
    } finally {
      executeCommand("config:property-set -p org.loopcrm.crm.dedupe mode warn");
    }
    HttpResult settings = get(API + "/duplicates/settings", DemoUser.SALES);
    assertEquals(settings.toString(), 200, settings.status());

    // A background scan, polled until done.
    HttpResult denied = post(API + "/duplicates/scans", DemoUser.SALES, null);
    assertEquals(denied.toString(), 403, denied.status());
    HttpResult started = post(API + "/duplicates/scans", DemoUser.ADMIN, null);
    assertEquals(started.toString(), 202, started.status());
    String scanId = idOf(started);
    waitFor(
        "the scan to finish",
        WAIT,
        () -> {
          HttpResult s = get(API + "/duplicates/scans/" + scanId, DemoUser.ADMIN);
          if (!s.body().contains("\"status\":\"DONE\"")) {
            throw new AssertionError("scan " + s);
          }
          return true;
        });
    HttpResult open = get(API + "/duplicates/clusters?status=OPEN&limit=500", DemoUser.ADMIN);
    assertEquals(open.toString(), 200, open.status());
    String clusterId = clusterWith(open.body(), firstId);
    assertTrue(open.body(), open.body().contains(secondId));
    assertEquals(403, get(API + "/duplicates/clusters", DemoUser.SALES).status());

    HttpResult cluster = get(API + "/duplicates/clusters/" + clusterId, DemoUser.ADMIN);
    assertEquals(cluster.toString(), 200, cluster.status());
    String etag = cluster.header("ETag").orElseThrow();
    HttpResult noIfMatch =
        post(API + "/duplicates/clusters/" + clusterId + "/dismiss", DemoUser.ADMIN, null);
    assertEquals(noIfMatch.toString(), 428, noIfMatch.status());
    HttpResult dismissed =
        request(
            "POST",
            API + "/duplicates/clusters/" + clusterId + "/dismiss",
            DemoUser.ADMIN,
            null,
            "If-Match",
            etag);
    assertEquals(dismissed.toString(), 200, dismissed.status());
    assertTrue(dismissed.body(), dismissed.body().contains("\"status\":\"DISMISSED\""));

    // The shell.
    String scanned = executeCommand("crm:duplicate-scan");
    assertTrue(scanned, scanned.contains("DONE"));
    String listed = executeCommand("crm:duplicate-list --status DISMISSED");
    assertTrue(listed, listed.contains(clusterId));
  }

  /** The id of the cluster in a cluster list whose members include {@code memberId}. */
  private static String clusterWith(String listJson, String memberId) {
    int at = listJson.indexOf("\"id\":\"" + memberId + "\"");
    assertTrue(listJson, at > 0);
    int start = listJson.lastIndexOf("{\"id\":\"", listJson.lastIndexOf("\"members\"", at));
    return listJson.substring(start + 7, start + 7 + 36);
  }
}
