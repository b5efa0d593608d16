package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
 * Engineer-to-order in the distribution, over REST and the shell, with no ERP connected: an ETO
 * opportunity opens its engineering request; a file is attached (413 past 10 MiB); engineering
 * judges it (403 for sales) and it is estimated, planned and quoted from the estimate; accepting
 * the quote wins the opportunity and commands the ERP project, releasing the BOM then the
 * production — both commands stay PENDING here, waiting for a connector.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class EngineeringIT extends CrmTestSupport {
  private static final Pattern QUOTE_ID = Pattern.compile("\"quoteId\":\"([0-9a-f-]{36})\"");

  @Before
  public void ready() {
    awaitCrmReady();
  }

  private static String etag(HttpResult r) {
    return r.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + r));
  }

  private HttpResult send(String method, String path, DemoUser user, String etag, String json) {
    return json == null
        ? request(method, path, user, null, "If-Match", etag)
        : request(method, path, user, json, "Content-Type", "application/json", "If-Match", etag);
  }

  private static void ok(int status, HttpResult r) {
    assertEquals(r.body(), status, r.status());
  }

  @Test
  public void aWonEngineerToOrderOpportunityCommandsTheProjectAndThenTheProduction() {
    HttpResult account =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"ETO IT " + UUID.randomUUID() + "\",\"stage\":\"PROSPECT\"}");
    ok(201, account);
    String accountId = idOf(account);
    HttpResult opportunity =
        post(
            API + "/opportunities",
            DemoUser.SALES,
            "{\"accountId\":\""
                + accountId
                + "\",\"name\":\"Special press\",\"type\":\"ENGINEER_TO_ORDER\","
                + "\"closeDate\":\"2027-03-31\",\"description\":\"A 40 t press\"}");
    ok(201, opportunity);
    String oppId = idOf(opportunity);

    HttpResult opened = get(API + "/engineering-requests?opportunityId=" + oppId, DemoUser.SALES);
    ok(200, opened);
    assertTrue(opened.body(), opened.body().contains("\"status\":\"OPEN\""));
    assertTrue(opened.body(), opened.body().contains("\"specification\":\"A 40 t press\""));
    String id = idOf(opened);
    String path = API + "/engineering-requests/" + id;
    assertEquals(404, get(path, DemoUser.VIEWER).status());

    HttpResult specified =
        send(
            "PUT",
            path,
            DemoUser.SALES,
            etag(opened),
            "{\"productCode\":\"PRESS-40\",\"quantity\":2,\"specification\":\"40 t\"}");
    ok(200, specified);
    ok(412, send("PUT", path, DemoUser.SALES, etag(opened), "{\"quantity\":1}"));
    HttpResult badQuantity = send("PUT", path, DemoUser.SALES, etag(specified), "{\"quantity\":0}");
    ok(422, badQuantity);
    assertTrue(badQuantity.body(), badQuantity.body().contains("\"field\":\"quantity\""));

    HttpResult attached =
        request(
            "POST",
            path + "/attachments?filename=spec.txt",
            DemoUser.SALES,
            "40 t, 1.2 m table",
            "Content-Type",
            "text/plain");
    ok(201, attached);
    assertTrue(
        attached.body(),
        attached
            .body()
            .contains(
                "\"sha256\":\""
                    + sha256("40 t, 1.2 m table".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    + "\""));
    HttpResult content =
        get(
            java.net.URI.create(attached.header("Location").orElseThrow()).getPath(),
            DemoUser.SALES);
    ok(200, content);
    assertEquals("40 t, 1.2 m table", content.body());
    HttpResult tooLarge =
        request(
            "POST",
            path + "/attachments?filename=big.bin",
            DemoUser.SALES,
            "x".repeat(10 * 1024 * 1024 + 1),
            "Content-Type",
            "application/octet-stream");
    ok(413, tooLarge);
    ok(
        422,
        request("POST", path + "/attachments", DemoUser.SALES, "x", "Content-Type", "text/plain"));

    HttpResult current = get(path, DemoUser.SALES);
    ok(
        403,
        send(
            "PUT",
            path + "/feasibility",
            DemoUser.SALES,
            etag(current),
            "{\"verdict\":\"FEASIBLE\"}"));
    ok(
        422,
        send(
            "PUT",
            path + "/feasibility",
            DemoUser.ADMIN,
            etag(current),
            "{\"verdict\":\"MAYBE\"}"));
    HttpResult estimateTooEarly =
        send(
            "PUT",
            path + "/estimate",
            DemoUser.SALES,
            etag(current),
            "{\"lines\":[{\"category\":\"MATERIAL\",\"description\":\"steel\",\"quantity\":1,"
                + "\"unitCost\":1}],\"marginPercent\":10}");
    ok(409, estimateTooEarly);
    HttpResult feasible =
        send(
            "PUT",
            path + "/feasibility",
            DemoUser.ADMIN,
            etag(current),
            "{\"verdict\":\"FEASIBLE_WITH_CHANGES\",\"note\":\"60 t frame\"}");
    ok(200, feasible);
    HttpResult estimated =
        send(
            "PUT",
            path + "/estimate",
            DemoUser.SALES,
            etag(feasible),
            "{\"lines\":[{\"category\":\"MATERIAL\",\"description\":\"steel\",\"quantity\":2,"
                + "\"unitCost\":300},{\"category\":\"LABOUR\",\"description\":\"welding\","
                + "\"quantity\":8,\"unitCost\":50}],\"marginPercent\":25}");
    ok(200, estimated);
    assertTrue(estimated.body(), estimated.body().contains("\"price\":1250"));
    assertTrue(estimated.body(), estimated.body().contains("\"MATERIAL\":600"));
    HttpResult planned =
        send(
            "PUT",
            path + "/tasks",
            DemoUser.SALES,
            etag(estimated),
            "{\"tasks\":[{\"name\":\"Design frame\",\"effortHours\":16},{\"name\":\"Review\"}]}");
    ok(200, planned);
    HttpResult bom =
        send(
            "POST",
            path + "/boms",
            DemoUser.SALES,
            etag(planned),
            "{\"lines\":[{\"productCode\":\"FRAME\",\"quantity\":1},"
                + "{\"productCode\":\"RAM\",\"quantity\":2}]}");
    ok(200, bom);
    assertTrue(bom.body(), bom.body().contains("\"status\":\"DRAFT\""));

    HttpResult quote = send("POST", path + "/quote", DemoUser.SALES, etag(bom), null);
    ok(201, quote);
    assertTrue(quote.body(), quote.body().contains("\"productCode\":\"PRESS-40\""));
    assertTrue(quote.body(), quote.body().contains("\"unitPrice\":625"));
    String quotePath = API + "/quotes/" + idOf(quote);
    HttpResult submitted = send("POST", quotePath + "/submit", DemoUser.SALES, etag(quote), null);
    ok(200, submitted);
    HttpResult accepted =
        send("POST", quotePath + "/accept", DemoUser.SALES, etag(submitted), null);
    ok(200, accepted);

    HttpResult won = get(path, DemoUser.SALES);
    ok(200, won);
    assertTrue(won.body(), won.body().contains("\"status\":\"WON\""));
    assertTrue(won.body(), won.body().contains("\"projectCommand\":\"PENDING\""));
    assertTrue(won.body(), !won.body().contains("\"productionCommand\":\"PENDING\""));
    Matcher q = QUOTE_ID.matcher(won.body());
    assertTrue(won.body(), q.find());
    ok(409, send("PUT", path + "/tasks", DemoUser.SALES, etag(won), "{\"tasks\":[]}"));

    HttpResult released = send("POST", path + "/boms/1/release", DemoUser.ADMIN, etag(won), null);
    ok(200, released);
    assertTrue(released.body(), released.body().contains("\"status\":\"RELEASED\""));
    assertTrue(released.body(), released.body().contains("\"productionCommand\":\"PENDING\""));
    ok(409, send("POST", path + "/boms/1/release", DemoUser.ADMIN, etag(released), null));

    HttpResult commands = get(API + "/accounts/" + accountId + "/erp/commands", DemoUser.SALES);
    ok(200, commands);
    assertTrue(commands.body(), commands.body().contains("eto-project-" + id));
    assertTrue(commands.body(), commands.body().contains("eto-production-" + id + "-r1"));

    String shown = executeCommand("crm:eto-show " + oppId);
    assertTrue(shown, shown.contains("WON"));
    assertTrue(shown, shown.contains("BOM r1 RELEASED: FRAME x 1, RAM x 2"));
    assertTrue(shown, shown.contains("ERP production: PENDING"));
  }

  private static String sha256(byte[] b) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
