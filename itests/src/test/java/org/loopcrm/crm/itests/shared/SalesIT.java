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
 * Sales in the distribution, over REST and the shell: the default pipeline is there; an opportunity
 * on an account moves through its stages only when their gates hold (422 naming the missing
 * fields), is won with a reason and then refuses changes (409); stale versions are 412; a team mate
 * with the viewer role reads but changes nothing (403); the history and the shell show it all.
 * (That accounts outside one's circle read as 404 is shown by the contract tests.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SalesIT extends CrmTestSupport {
  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

  @Before
  public void ready() {
    awaitCrmReady();
    // The viewer reads what its team mate sells (the shared container's other classes put them in
    // teams too; this makes it so whatever ran before).
    ensureTeam("Sales desk", DemoUser.SALES, DemoUser.VIEWER);
  }

  private static String etag(HttpResult r) {
    return r.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + r));
  }

  private static long version(HttpResult r) {
    Matcher m = VERSION.matcher(r.body());
    assertTrue(r.body(), m.find());
    return Long.parseLong(m.group(1));
  }

  private HttpResult send(String method, String path, DemoUser user, String etag, String json) {
    return request(method, path, user, json, "Content-Type", "application/json", "If-Match", etag);
  }

  @Test
  public void anOpportunityMovesThroughItsGatesIsWonAndThenStaysWon() {
    HttpResult pipelines = get(API + "/pipelines", DemoUser.VIEWER);
    assertEquals(pipelines.body(), 200, pipelines.status());
    assertTrue(pipelines.body(), pipelines.body().contains("\"code\":\"STANDARD\""));

    String name = "Sales IT " + UUID.randomUUID();
    HttpResult account =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"" + name + "\",\"stage\":\"PROSPECT\"}");
    assertEquals(account.body(), 201, account.status());
    String accountId = idOf(account);
    HttpResult contact =
        post(
            API + "/accounts/" + accountId + "/contacts",
            DemoUser.SALES,
            "{\"firstName\":\"Ann\",\"lastName\":\"Buyer\"}");
    assertEquals(contact.body(), 201, contact.status());
    String contactId = idOf(contact);

    HttpResult created =
        post(
            API + "/opportunities",
            DemoUser.SALES,
            "{\"accountId\":\""
                + accountId
                + "\",\"name\":\"Line 4 conveyors\",\"closeDate\":\"2027-03-31\"}");
    assertEquals(created.body(), 201, created.status());
    assertTrue(created.header("Location").orElse("").contains("/opportunities/"));
    assertTrue(created.body(), created.body().contains("\"stage\":\"PROSPECTING\""));
    assertTrue(created.body(), created.body().contains("\"probability\":10"));
    String id = idOf(created);
    String path = API + "/opportunities/" + id;

    // PROPOSAL needs an amount and a contact: 422 names both, nothing changes.
    HttpResult gated =
        send("POST", path + "/stage", DemoUser.SALES, etag(created), "{\"stage\":\"PROPOSAL\"}");
    assertEquals(gated.body(), 422, gated.status());
    assertTrue(gated.body(), gated.body().contains("\"field\":\"amount\""));
    assertTrue(gated.body(), gated.body().contains("\"field\":\"contactId\""));
    HttpResult noIfMatch =
        request(
            "POST",
            path + "/stage",
            DemoUser.SALES,
            "{\"stage\":\"PROPOSAL\"}",
            "Content-Type",
            "application/json");
    assertEquals(noIfMatch.body(), 428, noIfMatch.status());

    HttpResult updated =
        send(
            "PUT",
            path,
            DemoUser.SALES,
            etag(created),
            "{\"accountId\":\""
                + accountId
                + "\",\"contactId\":\""
                + contactId
                + "\",\"name\":\"Line 4 conveyors\",\"closeDate\":\"2027-03-31\","
                + "\"amount\":48000,\"competitors\":[{\"name\":\"Acme Conveyors\"}]}");
    assertEquals(updated.body(), 200, updated.status());
    HttpResult stale =
        send("POST", path + "/stage", DemoUser.SALES, etag(created), "{\"stage\":\"PROPOSAL\"}");
    assertEquals(stale.body(), 412, stale.status());
    HttpResult moved =
        send("POST", path + "/stage", DemoUser.SALES, etag(updated), "{\"stage\":\"PROPOSAL\"}");
    assertEquals(moved.body(), 200, moved.status());
    assertTrue(moved.body(), moved.body().contains("\"forecastCategory\":\"BEST_CASE\""));
    assertTrue(moved.body(), moved.body().contains("\"weightedAmount\":24000"));

    HttpResult toWon =
        send("POST", path + "/stage", DemoUser.SALES, etag(moved), "{\"stage\":\"WON\"}");
    assertEquals(toWon.body(), 409, toWon.status());
    HttpResult won =
        send("POST", path + "/win", DemoUser.SALES, etag(moved), "{\"reason\":\"lead time\"}");
    assertEquals(won.body(), 200, won.status());
    assertTrue(won.body(), won.body().contains("\"status\":\"WON\""));
    assertEquals(version(moved) + 1, version(won));
    HttpResult lose =
        send("POST", path + "/lose", DemoUser.SALES, etag(won), "{\"reason\":\"changed mind\"}");
    assertEquals(lose.body(), 409, lose.status());
    assertTrue(lose.body(), lose.body().contains("reopen it first"));
    HttpResult reopenBySales =
        send(
            "POST",
            path + "/reopen",
            DemoUser.SALES,
            etag(won),
            "{\"stage\":\"PROPOSAL\",\"reason\":\"x\"}");
    assertEquals(reopenBySales.body(), 403, reopenBySales.status());

    // A team mate with the viewer role reads the history, and changes nothing.
    assertEquals(200, get(path + "/history", DemoUser.VIEWER).status());
    assertEquals(
        403,
        send("POST", path + "/stage", DemoUser.VIEWER, etag(won), "{\"stage\":\"PROPOSAL\"}")
            .status());
    HttpResult history = get(path + "/history", DemoUser.SALES);
    assertEquals(history.body(), 200, history.status());
    assertTrue(history.body(), history.body().contains("\"toStage\":\"PROSPECTING\""));
    assertTrue(
        history.body(),
        history.body().indexOf("\"toStage\":\"PROPOSAL\"")
            < history.body().indexOf("\"toStage\":\"WON\""));
    assertTrue(history.body(), history.body().contains("\"reason\":\"lead time\""));

    HttpResult mine = get(API + "/opportunities?accountId=" + accountId, DemoUser.SALES);
    assertTrue(mine.body(), mine.body().contains(id));
    assertEquals(422, get(API + "/opportunities?status=maybe", DemoUser.SALES).status());
    assertEquals(
        403,
        post(
                API + "/opportunities",
                DemoUser.VIEWER,
                "{\"accountId\":\"" + accountId + "\",\"name\":\"x\",\"closeDate\":\"2027-01-01\"}")
            .status());

    String show = executeCommand("crm:opportunity-show " + id);
    assertTrue(show, show.contains("STANDARD / WON (WON, 100%, CLOSED)"));
    assertTrue(show, show.contains("competitor: Acme Conveyors"));
    String list = executeCommand("crm:opportunity-list --account " + accountId);
    assertTrue(list, list.contains("Line 4 conveyors"));
    String pipelinesShell = executeCommand("crm:pipeline-list");
    assertTrue(pipelinesShell, pipelinesShell.contains("NEGOTIATION"));
  }

  @Test
  public void aPipelineIsTheAdministratorsAndIsCheckedAsAWhole() {
    String code = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        "{\"code\":\""
            + code
            + "\",\"name\":\"Projects\",\"stages\":["
            + "{\"code\":\"OPEN\",\"name\":\"Open\",\"kind\":\"OPEN\",\"probability\":20,"
            + "\"forecastCategory\":\"PIPELINE\"},"
            + "{\"code\":\"WON\",\"name\":\"Won\",\"kind\":\"WON\",\"probability\":100,"
            + "\"forecastCategory\":\"CLOSED\"},"
            + "{\"code\":\"LOST\",\"name\":\"Lost\",\"kind\":\"LOST\",\"probability\":0,"
            + "\"forecastCategory\":\"OMITTED\"}]}";
    assertEquals(403, post(API + "/pipelines", DemoUser.SALES, body).status());
    HttpResult bad =
        post(
            API + "/pipelines",
            DemoUser.ADMIN,
            body.replace("\"probability\":100", "\"probability\":90"));
    assertEquals(bad.body(), 422, bad.status());
    assertTrue(bad.body(), bad.body().contains("stages[1].probability"));
    HttpResult made = post(API + "/pipelines", DemoUser.ADMIN, body);
    assertEquals(made.body(), 201, made.status());
    assertEquals(409, post(API + "/pipelines", DemoUser.ADMIN, body).status());
    assertEquals(200, get(API + "/pipelines/" + code, DemoUser.VIEWER).status());
    assertEquals(404, get(API + "/pipelines/NOPE", DemoUser.VIEWER).status());
  }

  @Test
  public void aQuoteIsApprovedSentPrintedAndAcceptedWhichWinsTheOpportunityAndCommandsTheSale() {
    String name = "Quote IT " + UUID.randomUUID();
    String accountId =
        idOf(
            post(
                API + "/accounts",
                DemoUser.SALES,
                "{\"name\":\"" + name + "\",\"stage\":\"PROSPECT\"}"));
    HttpResult opp =
        post(
            API + "/opportunities",
            DemoUser.SALES,
            "{\"accountId\":\""
                + accountId
                + "\",\"name\":\"Press\",\"closeDate\":\"2027-03-31\"}");
    String oppId = idOf(opp);
    HttpResult line =
        send(
            "POST",
            API + "/opportunities/" + oppId + "/lines",
            DemoUser.SALES,
            etag(opp),
            "{\"productCode\":\"PRESS-40\",\"description\":\"Press 40 t\",\"quantity\":2,"
                + "\"unitPrice\":50000,\"discountPercent\":20}");
    assertEquals(line.body(), 200, line.status());

    HttpResult quote = post(API + "/opportunities/" + oppId + "/quotes", DemoUser.SALES, "{}");
    assertEquals(quote.body(), 201, quote.status());
    assertTrue(quote.body(), quote.body().contains("\"total\":80000.00"));
    String quoteId = idOf(quote);
    String path = API + "/quotes/" + quoteId;
    assertTrue(quote.header("Location").orElse("").endsWith("/quotes/" + quoteId));

    HttpResult submitted = send("POST", path + "/submit", DemoUser.SALES, etag(quote), null);
    assertEquals(submitted.body(), 200, submitted.status());
    assertTrue(submitted.body(), submitted.body().contains("\"status\":\"PENDING_APPROVAL\""));
    assertEquals(
        403, send("POST", path + "/approve", DemoUser.SALES, etag(submitted), "{}").status());
    HttpResult approved =
        send(
            "POST", path + "/approve", DemoUser.ADMIN, etag(submitted), "{\"note\":\"strategic\"}");
    assertEquals(approved.body(), 200, approved.status());
    HttpResult checked = post(path + "/check", DemoUser.SALES, null);
    assertEquals(checked.body(), 200, checked.status());
    // No ERP connector in this container: the check says so instead of failing.
    assertTrue(checked.body(), checked.body().contains("\"creditProblem\":"));
    HttpResult sent = send("POST", path + "/send", DemoUser.SALES, etag(checked), null);
    assertEquals(sent.body(), 200, sent.status());

    HttpResult pdf = get(path + "/pdf", DemoUser.SALES);
    assertEquals(200, pdf.status());
    assertEquals("application/pdf", pdf.header("Content-Type").orElse(""));
    assertTrue(pdf.body().startsWith("%PDF-"));
    assertEquals(200, get(path + "/pdf", DemoUser.VIEWER).status());
    assertEquals(404, get(API + "/quotes/" + UUID.randomUUID() + "/pdf", DemoUser.SALES).status());

    HttpResult accepted = send("POST", path + "/accept", DemoUser.SALES, etag(sent), null);
    assertEquals(accepted.body(), 200, accepted.status());
    assertTrue(accepted.body(), accepted.body().contains("\"status\":\"ACCEPTED\""));
    assertTrue(accepted.body(), accepted.body().contains("\"saleCommand\":\"PENDING\""));
    assertEquals(
        409, send("POST", path + "/accept", DemoUser.SALES, etag(accepted), null).status());
    HttpResult won = get(API + "/opportunities/" + oppId, DemoUser.SALES);
    assertTrue(won.body(), won.body().contains("\"status\":\"WON\""));
    HttpResult commands = get(API + "/accounts/" + accountId + "/erp/commands", DemoUser.SALES);
    assertTrue(commands.body(), commands.body().contains("quote-Q-"));

    HttpResult timeline = get(API + "/opportunities/" + oppId + "/timeline", DemoUser.SALES);
    assertEquals(timeline.body(), 200, timeline.status());
    assertTrue(timeline.body(), timeline.body().contains("\"title\":\"SALE asked of the ERP\""));
    assertTrue(timeline.body(), timeline.body().contains(" accepted\""));
    String shellTimeline = executeCommand("crm:opportunity-timeline " + oppId);
    assertTrue(shellTimeline, shellTimeline.contains("SALE asked of the ERP"));

    String shell = executeCommand("crm:quote " + quoteId);
    assertTrue(shell, shell.contains("ACCEPTED"));
    assertTrue(shell, shell.contains("ERP sale: PENDING"));
    String list = executeCommand("crm:quote-list " + oppId);
    assertTrue(list, list.contains("/1"));

    // The customer withdraws the order: the sale is commanded cancelled, the quote says so.
    HttpResult current = get(path, DemoUser.SALES);
    HttpResult noReason = send("POST", path + "/cancel-order", DemoUser.SALES, etag(current), "{}");
    assertEquals(noReason.body(), 422, noReason.status());
    HttpResult cancelled =
        send(
            "POST",
            path + "/cancel-order",
            DemoUser.SALES,
            etag(current),
            "{\"reason\":\"budget cut\"}");
    assertEquals(cancelled.body(), 200, cancelled.status());
    assertTrue(cancelled.body(), cancelled.body().contains("\"status\":\"ORDER_CANCELLED\""));
    HttpResult afterCancel = get(API + "/accounts/" + accountId + "/erp/commands", DemoUser.SALES);
    assertTrue(afterCancel.body(), afterCancel.body().contains("\"op\":\"cancel-sale\""));
  }
}
