package org.loopcrm.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Activities through REST in the distribution: a call and a meeting are logged, a task whose
 * reminder time has passed gets its notification from the reminder route and is completed; the
 * account's timeline shows activities and account changes newest first, pages with its cursor and
 * filters by kind; a user outside the account's circle finds nothing (404).
 */
@RunWith(PaxExam.class)
// A container of its own: it checks who is outside the sales team, which the shared container's
// other classes widen with teams of their own.
@ExamReactorStrategy(PerClass.class)
public class ActivityTimelineIT extends CrmTestSupport {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern KIND = Pattern.compile("\"kind\":\"([a-z_.]+)\"");
  private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");
  private static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

  @Before
  public void ready() {
    awaitCrmReady();
    // Sales owns the account; service and the viewer see it as team mates; marketing does not.
    ensureTeam("Activity desk", DemoUser.SALES, DemoUser.SERVICE, DemoUser.VIEWER);
  }

  private static List<String> all(Pattern p, String body) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(body);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String etag(HttpResult r) {
    return r.header("ETag").orElseThrow(() -> new AssertionError("no ETag in " + r));
  }

  private String activity(String json) {
    HttpResult r = post(API + "/activities", DemoUser.SALES, json);
    assertEquals(r.toString(), 201, r.status());
    assertTrue(r.toString(), r.header("Location").isPresent());
    return idOf(r);
  }

  @Test
  public void activitiesRemindersAndTheTimeline() {
    HttpResult created =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"Timeline Works\",\"stage\":\"PROSPECT\"}");
    assertEquals(created.toString(), 201, created.status());
    String account = idOf(created);
    HttpResult updated =
        request(
            "PUT",
            API + "/accounts/" + account,
            DemoUser.SALES,
            "{\"name\":\"Timeline Works\",\"owner\":\"sales\",\"stage\":\"CUSTOMER\"}",
            "Content-Type",
            "application/json",
            "If-Match",
            etag(created));
    assertEquals(updated.toString(), 200, updated.status());

    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String call =
        activity(
            "{\"kind\":\"CALL\",\"direction\":\"INBOUND\",\"channel\":\"phone\",\"subject\":\"Asked"
                + " for a quote\",\"occurredAt\":\""
                + now.minus(Duration.ofHours(2))
                + "\",\"accountId\":\""
                + account
                + "\"}");
    String meeting =
        activity(
            "{\"kind\":\"MEETING\",\"subject\":\"Kick-off\",\"occurredAt\":\""
                + now.minus(Duration.ofHours(1))
                + "\",\"endsAt\":\""
                + now.minus(Duration.ofMinutes(30))
                + "\",\"accountId\":\""
                + account
                + "\",\"participants\":[{\"user\":\"service\"}]}");
    String task =
        activity(
            "{\"kind\":\"TASK\",\"subject\":\"Send the offer\",\"dueAt\":\""
                + now.plus(Duration.ofDays(1))
                + "\",\"remindAt\":\""
                + now.minus(Duration.ofMinutes(1))
                + "\",\"accountId\":\""
                + account
                + "\"}");
    HttpResult bad =
        post(
            API + "/activities",
            DemoUser.SALES,
            "{\"kind\":\"NOTE\",\"direction\":\"INBOUND\",\"subject\":\"\",\"accountId\":\""
                + account
                + "\"}");
    assertEquals(bad.toString(), 422, bad.status());

    // The reminder route fires the past reminder: a notification for the task's owner.
    String notification =
        waitFor(
            "the task reminder notification",
            WAIT,
            () -> {
              HttpResult r = get(API + "/notifications?unread=true", DemoUser.SALES);
              return r.status() == 200 && r.body().contains(task) ? idOf(r) : null;
            });
    HttpResult read = post(API + "/notifications/" + notification + "/read", DemoUser.SALES, null);
    assertEquals(read.toString(), 200, read.status());
    assertTrue(read.body(), read.body().contains("\"readAt\":\"20"));
    assertEquals(
        404,
        post(API + "/notifications/" + notification + "/read", DemoUser.SERVICE, null).status());

    // Complete the task: If-Match with the version read (the reminder changed it).
    HttpResult t = get(API + "/activities/" + task, DemoUser.SERVICE);
    assertEquals(t.toString(), 200, t.status());
    assertTrue(t.body(), t.body().contains("\"remindedAt\":\"20"));
    HttpResult noMatch =
        request("POST", API + "/activities/" + task + "/complete", DemoUser.SERVICE, null);
    assertEquals(noMatch.toString(), 428, noMatch.status());
    HttpResult done =
        request(
            "POST",
            API + "/activities/" + task + "/complete",
            DemoUser.SERVICE,
            null,
            "If-Match",
            etag(t));
    assertEquals(done.toString(), 200, done.status());
    assertTrue(done.body(), done.body().contains("\"status\":\"DONE\""));
    assertTrue(done.body(), done.body().contains("\"completedBy\":\"service\""));
    HttpResult again =
        request(
            "POST",
            API + "/activities/" + task + "/complete",
            DemoUser.SERVICE,
            null,
            "If-Match",
            etag(done));
    assertEquals(again.toString(), 409, again.status());

    // The whole timeline, newest first.
    String base = API + "/accounts/" + account + "/timeline";
    HttpResult whole = get(base + "?limit=200", DemoUser.VIEWER);
    assertEquals(whole.toString(), 200, whole.status());
    List<String> kinds = all(KIND, whole.body());
    assertTrue(kinds.toString(), kinds.contains("activity.call"));
    assertTrue(kinds.toString(), kinds.contains("activity.meeting"));
    assertTrue(kinds.toString(), kinds.contains("activity.task"));
    assertTrue(kinds.toString(), kinds.contains("account.created"));
    assertTrue(kinds.toString(), kinds.contains("account.updated"));
    List<String> times = all(AT, whole.body());
    for (int i = 1; i < times.size(); i++) {
      assertTrue(
          times.toString(),
          Instant.parse(times.get(i)).compareTo(Instant.parse(times.get(i - 1))) <= 0);
    }
    assertTrue(whole.body(), whole.body().indexOf(call) > whole.body().indexOf(meeting));

    // Pages of 2 with the cursor give the same items in the same order.
    List<String> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      HttpResult page =
          get(
              base
                  + "?limit=2"
                  + (cursor == null
                      ? ""
                      : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
              DemoUser.SALES);
      assertEquals(page.toString(), 200, page.status());
      paged.addAll(all(KIND, page.body()));
      List<String> next = all(CURSOR, page.body());
      cursor = next.isEmpty() ? null : next.get(0);
      pages++;
    } while (cursor != null && pages < 50);
    assertEquals(kinds, paged);
    assertTrue(pages >= 3);

    // Filtered by kind.
    HttpResult calls = get(base + "?kind=activity.call", DemoUser.SALES);
    assertEquals(List.of("activity.call"), all(KIND, calls.body()));
    HttpResult changes = get(base + "?kind=account", DemoUser.SALES);
    assertEquals(List.of("account.updated", "account.created"), all(KIND, changes.body()));
    assertEquals(422, get(base + "?kind=Not+A+Kind", DemoUser.SALES).status());

    // Activities of the account, filtered.
    HttpResult tasks =
        get(API + "/activities?accountId=" + account + "&kind=TASK&status=DONE", DemoUser.VIEWER);
    assertEquals(tasks.toString(), 200, tasks.status());
    assertTrue(tasks.body(), tasks.body().contains(task));
    assertFalse(tasks.body(), tasks.body().contains(call));

    // Outside the account's circle nothing exists; the viewer reads but does not write.
    assertEquals(404, get(API + "/activities/" + call, DemoUser.MARKETING).status());
    assertEquals(404, get(base, DemoUser.MARKETING).status());
    assertEquals(404, get(API + "/activities?accountId=" + account, DemoUser.MARKETING).status());
    HttpResult viewerWrite =
        post(
            API + "/activities",
            DemoUser.VIEWER,
            "{\"kind\":\"NOTE\",\"subject\":\"x\",\"accountId\":\"" + account + "\"}");
    assertEquals(viewerWrite.toString(), 403, viewerWrite.status());

    // The history of an activity follows its account.
    HttpResult history = get(API + "/audit?recordType=activity&recordId=" + task, DemoUser.VIEWER);
    assertEquals(history.toString(), 200, history.status());
    assertTrue(history.body(), history.body().contains("DONE"));

    // The shell shows the same.
    assertTrue(executeCommand("crm:activity-list " + account).contains("Kick-off"));
    assertTrue(executeCommand("crm:timeline " + account).contains("activity.task"));
  }
}
