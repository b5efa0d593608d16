package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Service cases in the distribution, through REST and the shell: a CASE rule assigns cases round
 * robin in a team and explains it; a user outside the owner's circle gets 404 and does not see the
 * case listed; an illegal transition is 409, a stale If-Match 412; the first reply is recorded; an
 * absent owner's case goes to the team mate on the sweep; the thread is on the account's timeline.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CasesIT extends CrmTestSupport {
  private static final Pattern OWNER = Pattern.compile("\"owner\":\"([^\"]+)\"");
  private static final Pattern NUMBER = Pattern.compile("\"number\":\"(CASE-\\d{6})\"");

  @Before
  public void ready() {
    awaitCrmReady();
  }

  private static String group(Pattern p, String body) {
    Matcher m = p.matcher(body);
    assertTrue(body, m.find());
    return m.group(1);
  }

  private static String etag(HttpResult r) {
    return r.headers().get("etag").get(0);
  }

  private HttpResult send(String method, String path, DemoUser user, String etag, String json) {
    return request(method, path, user, json, "Content-Type", "application/json", "If-Match", etag);
  }

  @Test
  public void casesAreAssignedGuardedAnsweredSweptAndShownOnTheTimeline() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String agent = "agent-" + tag;
    String category = "it-" + tag;
    String account =
        idOf(
            post(
                API + "/accounts",
                DemoUser.ADMIN,
                "{\"name\":\"Cases IT " + tag + "\",\"owner\":\"admin\"}"));
    String team =
        idOf(
            post(
                API + "/teams",
                DemoUser.ADMIN,
                "{\"name\":\"Desk " + tag + "\",\"members\":[\"" + agent + "\",\"service\"]}"));
    HttpResult rule =
        post(
            API + "/assignment-rules",
            DemoUser.ADMIN,
            "{\"kind\":\"CASE\",\"name\":\"CasesIT "
                + tag
                + "\",\"position\":1,\"conditions\":[{\"attribute\":\"category\",\"operator\":\"IN\","
                + "\"values\":[\""
                + category
                + "\"]}],\"strategy\":\"ROUND_ROBIN\",\"teamId\":\""
                + team
                + "\",\"responseMinutes\":30,\"escalate\":true}");
    assertEquals(rule.body(), 201, rule.status());

    String body =
        "{\"accountId\":\""
            + account
            + "\",\"subject\":\"Printer jams\",\"channel\":\"EMAIL\",\"priority\":\"HIGH\","
            + "\"category\":\""
            + category
            + "\"}";
    HttpResult first = post(API + "/cases", DemoUser.ADMIN, body);
    HttpResult second = post(API + "/cases", DemoUser.ADMIN, body);
    assertEquals(first.body(), 201, first.status());
    assertEquals(second.body(), 201, second.status());
    assertTrue(first.header("Location").orElseThrow().contains("/cases/"));
    String firstId = idOf(first);
    String secondId = idOf(second);
    assertEquals(agent, group(OWNER, first.body()));
    assertEquals("service", group(OWNER, second.body()));
    assertNotEquals(group(NUMBER, first.body()), group(NUMBER, second.body()));
    assertTrue(first.body(), first.body().contains("\"status\":\"NEW\""));
    assertTrue(first.body(), first.body().contains("\"responseDueAt\":\""));
    HttpResult why = get(API + "/assignments/CASE/" + firstId, DemoUser.SERVICE);
    assertEquals(why.body(), 200, why.status());
    assertTrue(why.body(), why.body().contains("CasesIT " + tag));
    assertTrue(why.body(), why.body().contains("ROUND_ROBIN"));

    // Outside the owner's circle (and not reading the account): 404 and not listed.
    assertEquals(404, get(API + "/cases/" + secondId, DemoUser.SALES).status());
    assertFalse(get(API + "/cases?limit=200", DemoUser.SALES).body().contains(secondId));
    HttpResult mates = get(API + "/cases?accountId=" + account, DemoUser.SERVICE);
    assertEquals(mates.body(), 200, mates.status());
    assertTrue(mates.body().contains(firstId) && mates.body().contains(secondId));
    assertEquals(422, get(API + "/cases?status=SOLVED", DemoUser.SERVICE).status());

    // The lifecycle is guarded, the version too.
    HttpResult mine = get(API + "/cases/" + secondId, DemoUser.SERVICE);
    HttpResult illegal =
        send(
            "POST",
            API + "/cases/" + secondId + "/status",
            DemoUser.SERVICE,
            etag(mine),
            "{\"status\":\"RESOLVED\"}");
    assertEquals(illegal.body(), 409, illegal.status());
    assertTrue(illegal.body(), illegal.body().contains("it cannot become RESOLVED"));
    HttpResult stale =
        send(
            "PUT",
            API + "/cases/" + secondId,
            DemoUser.SERVICE,
            "\"99\"",
            "{\"subject\":\"Changed\",\"priority\":\"LOW\"}");
    assertEquals(stale.body(), 412, stale.status());
    HttpResult noMatch =
        request(
            "POST",
            API + "/cases/" + secondId + "/status",
            DemoUser.SERVICE,
            "{\"status\":\"OPEN\"}",
            "Content-Type",
            "application/json");
    assertEquals(noMatch.body(), 428, noMatch.status());

    // The first reply is the first response; opening it moves the ETag on.
    HttpResult reply =
        post(
            API + "/cases/" + secondId + "/comments",
            DemoUser.SERVICE,
            "{\"body\":\"Please send the printer's log.\"}");
    assertEquals(reply.body(), 201, reply.status());
    mine = get(API + "/cases/" + secondId, DemoUser.SERVICE);
    assertTrue(mine.body(), mine.body().contains("\"firstResponseAt\":\""));
    HttpResult opened =
        send(
            "POST",
            API + "/cases/" + secondId + "/status",
            DemoUser.SERVICE,
            etag(mine),
            "{\"status\":\"OPEN\",\"note\":\"looking\"}");
    assertEquals(opened.body(), 200, opened.status());
    assertNotEquals(etag(mine), etag(opened));

    // The agent is away: the sweep gives the agent's case to the team mate.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    HttpResult away =
        post(
            API + "/users/" + agent + "/absences",
            DemoUser.ADMIN,
            "{\"from\":\""
                + now.minusSeconds(60)
                + "\",\"to\":\""
                + now.plusSeconds(86_400)
                + "\",\"reason\":\"CasesIT\"}");
    assertEquals(away.body(), 201, away.status());
    HttpResult swept = post(API + "/assignment-rules/sweep", DemoUser.ADMIN, "{}");
    assertEquals(swept.body(), 200, swept.status());
    HttpResult moved = get(API + "/cases/" + firstId, DemoUser.SERVICE);
    assertEquals("service", group(OWNER, moved.body()));
    HttpResult history = get(API + "/assignments/CASE/" + firstId, DemoUser.SERVICE);
    assertTrue(history.body(), history.body().contains("OWNER_ABSENT"));
    assertEquals(200, get(API + "/cases/" + firstId + "/history", DemoUser.SERVICE).status());
    assertEquals(404, get(API + "/cases/" + firstId + "/history", DemoUser.SALES).status());

    // The thread is on the account's timeline for whoever reads the account.
    HttpResult timeline = get(API + "/accounts/" + account + "/timeline?kind=case", DemoUser.ADMIN);
    assertEquals(timeline.body(), 200, timeline.status());
    for (String kind : new String[] {"case.created", "case.reply", "case.open"}) {
      assertTrue(kind + " in " + timeline.body(), timeline.body().contains("\"" + kind + "\""));
    }

    String number = group(NUMBER, second.body());
    String show = executeCommand("crm:case-show " + secondId);
    assertTrue(show, show.contains(number));
    assertTrue(show, show.contains("reply: Please send the printer's log."));
    String list = executeCommand("crm:case-list --account " + account);
    assertTrue(list, list.contains(number));
    String moveOn = executeCommand("crm:case-status " + secondId + " waiting_on_customer");
    assertTrue(moveOn, moveOn.contains(number + ": OPEN -> WAITING_ON_CUSTOMER"));
  }
}
