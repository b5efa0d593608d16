package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loopcrm.crm.itests.CrmTestSupport;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The REST API and the shell commands in the assembled distribution: the README's curl sequence
 * (create, get, list, stale update, bad input, anonymous, viewer write) and more.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AccountRestIT extends CrmTestSupport {
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

  @Before
  public void crmIsUp() {
    awaitCrmReady();
    // The README's walk-through: the viewer reads what sales owns, as in the demo's Sales team.
    ensureTeam("Sales", DemoUser.SALES, DemoUser.VIEWER);
  }

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private HttpResult create(String json) {
    return post(API + "/accounts", DemoUser.SALES, json);
  }

  private HttpResult put(String path, DemoUser user, String ifMatch, String json) {
    return ifMatch == null
        ? request("PUT", path, user, json, "Content-Type", "application/json")
        : request("PUT", path, user, json, "Content-Type", "application/json", "If-Match", ifMatch);
  }

  private static void assertProblem(HttpResult r, int status, String type) {
    assertEquals(r.toString(), status, r.status());
    assertTrue(r.toString(), r.header("Content-Type").orElse("").startsWith(PROBLEM_JSON));
    assertTrue(
        r.toString(), r.body().contains("\"type\":\"https://loopcrm.org/problems/" + type + "\""));
    assertTrue(r.toString(), r.body().contains("\"status\":" + status));
  }

  @Test
  public void createGetListUpdateAndStaleUpdate() {
    String name = unique("Globex");
    HttpResult created =
        create(
            "{\"name\":\""
                + name
                + "\",\"erpRef\":\""
                + UUID.randomUUID()
                + "\",\"stage\":\"PROSPECT\"}");
    assertEquals(created.toString(), 201, created.status());
    String location = created.header("Location").orElseThrow();
    String id = idOf(created);
    assertTrue(location, location.endsWith(API + "/accounts/" + id));
    assertEquals("\"0\"", created.header("ETag").orElseThrow());

    HttpResult read = get(API + "/accounts/" + id, DemoUser.VIEWER);
    assertEquals(read.toString(), 200, read.status());
    assertTrue(read.body(), read.body().contains("\"name\":\"" + name + "\""));
    assertTrue(read.body(), read.body().contains("\"owner\":\"sales\""));
    assertEquals("\"0\"", read.header("ETag").orElseThrow());

    HttpResult list = get(API + "/accounts?name=" + name.replace(" ", "%20"), DemoUser.VIEWER);
    assertEquals(list.toString(), 200, list.status());
    assertTrue(list.body(), list.body().contains(id));

    String change = "{\"name\":\"" + name + " Corp\",\"owner\":\"sales\",\"stage\":\"CUSTOMER\"}";
    HttpResult updated = put(API + "/accounts/" + id, DemoUser.SALES, "\"0\"", change);
    assertEquals(updated.toString(), 200, updated.status());
    assertEquals("\"1\"", updated.header("ETag").orElseThrow());
    assertTrue(updated.body(), updated.body().contains("\"stage\":\"CUSTOMER\""));

    HttpResult stale = put(API + "/accounts/" + id, DemoUser.SALES, "\"0\"", change);
    assertProblem(stale, 412, "stale-version");
    assertEquals("\"1\"", stale.header("ETag").orElseThrow());
    assertProblem(
        put(API + "/accounts/" + id, DemoUser.SALES, null, change), 428, "precondition-required");
    HttpResult back =
        put(
            API + "/accounts/" + id,
            DemoUser.SALES,
            "\"1\"",
            change.replace("CUSTOMER", "PROSPECT"));
    assertProblem(back, 409, "conflict");
  }

  @Test
  public void badInputGetsProblemJsonAndChangesNothing() {
    assertProblem(create("{\"name\": "), 400, "malformed-json");
    HttpResult invalid = create("{\"name\":\"  \",\"erpRef\":\"has space\"}");
    assertProblem(invalid, 422, "validation");
    assertTrue(invalid.body(), invalid.body().contains("\"field\":\"name\""));
    assertTrue(invalid.body(), invalid.body().contains("\"field\":\"erpRef\""));
    HttpResult badStage = create("{\"name\":\"X\",\"stage\":\"GOLD\"}");
    assertProblem(badStage, 422, "validation");
    assertTrue(badStage.body(), badStage.body().contains("PROSPECT"));
    assertProblem(create("{\"name\":\"X\",\"colour\":\"red\"}"), 422, "validation");
    assertProblem(get(API + "/accounts/" + UUID.randomUUID(), DemoUser.SALES), 404, "not-found");
    assertProblem(get(API + "/accounts/not-a-uuid", DemoUser.SALES), 404, "not-found");
    assertProblem(get(API + "/accounts?limit=0", DemoUser.SALES), 422, "validation");
    assertProblem(get(API + "/accounts?sort=colour", DemoUser.SALES), 422, "validation");

    String ref = "P-" + UUID.randomUUID();
    assertEquals(
        201, create("{\"name\":\"" + unique("First") + "\",\"erpRef\":\"" + ref + "\"}").status());
    String second = unique("Second");
    assertProblem(
        create("{\"name\":\"" + second + "\",\"erpRef\":\"" + ref + "\"}"), 409, "conflict");
    HttpResult none = get(API + "/accounts?name=" + second.replace(" ", "%20"), DemoUser.SALES);
    assertFalse(none.body(), none.body().contains(second));
  }

  @Test
  public void anonymousIs401AndViewerWritesAre403() {
    HttpResult anonymous = get(API + "/accounts", null);
    assertProblem(anonymous, 401, "unauthorized");
    assertTrue(anonymous.header("WWW-Authenticate").orElse("").startsWith("Basic"));
    HttpResult wrongPassword =
        request("GET", API + "/accounts", null, null, "Authorization", "Basic c2FsZXM6bm9wZQ==");
    assertProblem(wrongPassword, 401, "unauthorized");

    String name = unique("Viewer");
    assertProblem(
        post(API + "/accounts", DemoUser.VIEWER, "{\"name\":\"" + name + "\"}"), 403, "forbidden");
    HttpResult none = get(API + "/accounts?name=" + name.replace(" ", "%20"), DemoUser.VIEWER);
    assertEquals(200, none.status());
    assertFalse(none.body(), none.body().contains(name));

    String id = idOf(create("{\"name\":\"" + unique("Archived") + "\"}"));
    assertEquals(
        200,
        request(
                "POST",
                API + "/accounts/" + id + "/archive",
                DemoUser.SALES,
                null,
                "If-Match",
                "\"0\"")
            .status());
    assertProblem(
        request("DELETE", API + "/accounts/" + id, DemoUser.SALES, null, "If-Match", "\"1\""),
        403,
        "forbidden");
    assertEquals(
        204,
        request("DELETE", API + "/accounts/" + id, DemoUser.ADMIN, null, "If-Match", "\"1\"")
            .status());
    assertProblem(get(API + "/accounts/" + id, DemoUser.ADMIN), 404, "not-found");
  }

  @Test
  public void cursorPagingReturnsEveryAccountOnce() {
    String prefix = "Paged" + UUID.randomUUID().toString().substring(0, 8);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(idOf(create("{\"name\":\"" + prefix + " " + i + "\"}")));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      HttpResult page =
          get(
              API
                  + "/accounts?limit=2&sort=-createdAt&name="
                  + prefix
                  + (cursor == null ? "" : "&cursor=" + cursor),
              DemoUser.VIEWER);
      assertEquals(page.toString(), 200, page.status());
      Matcher m = ID_FIELD.matcher(page.body());
      while (m.find()) {
        seen.add(m.group(1));
      }
      Matcher next = NEXT.matcher(page.body());
      cursor = next.find() ? next.group(1) : null;
      if (cursor != null) {
        assertTrue(page.toString(), page.header("Link").orElse("").contains("rel=\"next\""));
      }
      pages++;
    } while (cursor != null);
    assertEquals(3, pages);
    List<String> newestFirst = new ArrayList<>(ids);
    java.util.Collections.reverse(newestFirst);
    assertEquals(newestFirst, seen);
    assertEquals(5, new HashSet<>(seen).size());
  }

  @Test
  public void contactsOfAnAccount() {
    String id = idOf(create("{\"name\":\"" + unique("Contacts") + "\"}"));
    HttpResult added =
        post(
            API + "/accounts/" + id + "/contacts",
            DemoUser.SALES,
            "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\",\"title\":\"CTO\"}");
    assertEquals(added.toString(), 201, added.status());
    assertProblem(
        post(
            API + "/accounts/" + id + "/contacts",
            DemoUser.SALES,
            "{\"lastName\":\"X\",\"email\":\"nope\"}"),
        422,
        "validation");
    HttpResult list = get(API + "/accounts/" + id + "/contacts", DemoUser.VIEWER);
    assertEquals(200, list.status());
    assertTrue(list.body(), list.body().contains("\"lastName\":\"Lovelace\""));
    assertFalse(list.body(), list.body().contains("\"lastName\":\"X\""));
  }

  @Test
  public void historyRecordsWhoChangedWhatThroughWhichChannel() {
    String name = unique("Audited");
    String id = idOf(create("{\"name\":\"" + name + "\"}"));
    HttpResult updated =
        put(
            API + "/accounts/" + id,
            DemoUser.SALES,
            "\"0\"",
            "{\"name\":\"" + name + "\",\"owner\":\"sales\",\"stage\":\"CUSTOMER\"}");
    assertEquals(updated.toString(), 200, updated.status());

    HttpResult history = get(API + "/accounts/" + id + "/history", DemoUser.VIEWER);
    assertEquals(history.toString(), 200, history.status());
    String body = history.body();
    assertTrue(body, body.indexOf("\"action\":\"UPDATE\"") < body.indexOf("\"action\":\"CREATE\""));
    assertTrue(
        body,
        body.contains("\"field\":\"stage\",\"oldValue\":\"PROSPECT\",\"newValue\":\"CUSTOMER\""));
    assertTrue(body, body.contains("\"user\":\"sales\""));
    assertTrue(body, body.contains("\"channel\":\"REST\""));
    assertProblem(get(API + "/audit?user=sales", DemoUser.VIEWER), 403, "forbidden");
    assertTrue(get(API + "/audit?user=sales", DemoUser.ADMIN).body().contains(id));
  }

  @Test
  public void bodiesOverTheLimitAre413WithOrWithoutContentLength() throws Exception {
    String big = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    assertProblem(create(big), 413, "payload-too-large");

    // Chunked: no Content-Length to check up front, so the limit must hold while reading.
    java.net.http.HttpRequest chunked =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + httpPort() + API + "/accounts"))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(
                            "sales:sales".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () ->
                        new java.io.ByteArrayInputStream(
                            big.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
            .build();
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(chunked, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(response.body(), 413, response.statusCode());
    assertTrue(response.body(), response.body().contains("payload-too-large"));
  }

  @Test
  public void openApiDocumentIsServedWithoutCredentials() {
    HttpResult doc = get(API + "/openapi.json", null);
    assertEquals(200, doc.status());
    assertTrue(doc.body().contains("\"openapi\""));
    assertTrue(doc.body().contains("\"/accounts/{id}\""));
  }

  @Test
  public void shellListsAndShowsAccounts() {
    String name = unique("Shell");
    String id =
        idOf(
            create(
                "{\"name\":\""
                    + name
                    + "\",\"erpRef\":\"SH-"
                    + UUID.randomUUID().toString().substring(0, 8)
                    + "\"}"));
    String list = executeCommand("crm:account-list --name " + name.split(" ")[0] + " --limit 200");
    assertTrue(list, list.contains(id));
    assertTrue(list, list.contains(name));
    String show = executeCommand("crm:account-show " + id);
    assertTrue(show, show.contains(name));
    assertTrue(show, show.contains("PROSPECT"));
    String denied = null;
    try {
      executeCommand("crm:account-list", java.time.Duration.ofSeconds(30), "nobody", "ssh");
    } catch (AssertionError e) {
      denied = e.getMessage();
    }
    assertNotEquals("a user without CRM roles must not list accounts", null, denied);
    assertTrue(denied, denied.contains("may not read"));
  }
}
