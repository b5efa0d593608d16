package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loopcrm.crm.api.sales.ForecastPeriod;
import org.loopcrm.crm.itests.CrmTestSupport;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * The forecast in the distribution: opportunities created over REST show in the forecast by owner,
 * category and product with the owner's quota; a snapshot, then a win, and the accuracy shows the
 * won amount against what the snapshot forecast; the shell commands print the same.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ForecastIT extends CrmTestSupport {

  @Before
  public void ready() {
    awaitCrmReady();
  }

  /** The flat JSON object (no nested objects) of the list that holds {@code marker}. */
  private static String flatObject(String body, String marker) {
    Matcher m = Pattern.compile("\\{[^{}]*" + Pattern.quote(marker) + "[^{}]*\\}").matcher(body);
    assertTrue("no object with " + marker + " in " + body, m.find());
    return m.group();
  }

  /** The JSON object that holds {@code marker} as a top-level field, nested objects included. */
  private static String object(String body, String marker) {
    int at = body.indexOf(marker);
    assertTrue("no " + marker + " in " + body, at >= 0);
    int start = at;
    for (int depth = 0; ; start--) {
      char c = body.charAt(start);
      if (c == '}') {
        depth++;
      } else if (c == '{') {
        if (depth == 0) {
          break;
        }
        depth--;
      }
    }
    int end = start;
    for (int depth = 0; ; end++) {
      char c = body.charAt(end);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        break;
      }
    }
    return body.substring(start, end + 1);
  }

  private static BigDecimal number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.]+)").matcher(json);
    assertTrue("no " + field + " in " + json, m.find());
    return new BigDecimal(m.group(1));
  }

  private static String etag(HttpResult r) {
    return r.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + r));
  }

  private HttpResult opportunity(
      String account, String owner, String amount, String category, int probability, String close) {
    HttpResult r =
        post(
            API + "/opportunities",
            DemoUser.SALES,
            "{\"accountId\":\""
                + account
                + "\",\"name\":\"Forecast "
                + category
                + "\",\"owner\":\""
                + owner
                + "\",\"amount\":"
                + amount
                + ",\"currency\":\"EUR\",\"probability\":"
                + probability
                + ",\"forecastCategory\":\""
                + category
                + "\",\"closeDate\":\""
                + close
                + "\"}");
    assertEquals(r.toString(), 201, r.status());
    return r;
  }

  @Test
  public void forecastQuotaSnapshotAndAccuracy() {
    String period = ForecastPeriod.quarterOf(LocalDate.now(ZoneOffset.UTC)).key();
    String close = ForecastPeriod.parse(period).end().toString();
    String owner = "fc-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResult account =
        post(API + "/accounts", DemoUser.SALES, "{\"name\":\"Forecast " + owner + "\"}");
    assertEquals(account.toString(), 201, account.status());
    String accountId = idOf(account);

    HttpResult commit = opportunity(accountId, owner, "1000", "COMMIT", 80, close);
    opportunity(accountId, owner, "2000", "BEST_CASE", 40, close);
    HttpResult withLines = opportunity(accountId, owner, "0", "PIPELINE", 10, close);
    HttpResult line =
        request(
            "POST",
            API + "/opportunities/" + idOf(withLines) + "/lines",
            DemoUser.SALES,
            "{\"productCode\":\"FC-PROD\",\"description\":\"Forecast product\",\"quantity\":2,"
                + "\"unitPrice\":150}",
            "Content-Type",
            "application/json",
            "If-Match",
            etag(withLines));
    assertEquals(line.toString(), 200, line.status());

    // Quotas: managers set them, sales may not; a bad period is a 422 naming it.
    String quotaPath = API + "/quotas/" + owner + "/" + period;
    HttpResult denied =
        request(
            "PUT",
            quotaPath,
            DemoUser.SALES,
            "{\"amount\":5000}",
            "Content-Type",
            "application/json");
    assertEquals(denied.toString(), 403, denied.status());
    HttpResult quota =
        request(
            "PUT",
            quotaPath,
            DemoUser.MANAGER,
            "{\"amount\":5000,\"currency\":\"EUR\"}",
            "Content-Type",
            "application/json");
    assertEquals(quota.toString(), 201, quota.status());
    HttpResult badPeriod = get(API + "/forecast?period=" + period + "X", DemoUser.SALES);
    assertEquals(badPeriod.toString(), 422, badPeriod.status());
    assertTrue(badPeriod.body(), badPeriod.body().contains("period"));

    HttpResult byOwner =
        get(API + "/forecast?period=" + period + "&groupBy=owner&owner=" + owner, DemoUser.SALES);
    assertEquals(byOwner.toString(), 200, byOwner.status());
    String row = flatObject(byOwner.body(), "\"key\":\"" + owner + "\"");
    assertEquals(0, new BigDecimal("1000").compareTo(number(row, "commit")));
    assertEquals(0, new BigDecimal("2000").compareTo(number(row, "bestCase")));
    assertEquals(0, new BigDecimal("300").compareTo(number(row, "pipeline")));
    assertEquals(0, new BigDecimal("5000").compareTo(number(row, "quota")));
    assertEquals(0, BigDecimal.ZERO.compareTo(number(row, "closed")));
    // 800 + 800 + 30
    assertEquals(0, new BigDecimal("1630").compareTo(number(row, "weighted")));

    HttpResult byCategory =
        get(
            API + "/forecast?period=" + period + "&groupBy=category&owner=" + owner,
            DemoUser.SALES);
    assertEquals(
        0,
        new BigDecimal("2000")
            .compareTo(number(flatObject(byCategory.body(), "\"key\":\"BEST_CASE\""), "bestCase")));
    HttpResult byProduct =
        get(API + "/forecast?period=" + period + "&groupBy=product&owner=" + owner, DemoUser.SALES);
    assertEquals(
        0,
        new BigDecimal("300")
            .compareTo(number(flatObject(byProduct.body(), "\"key\":\"FC-PROD\""), "pipeline")));

    // A snapshot, then a win: the accuracy of that snapshot shows the won amount as actual.
    HttpResult notAllowed =
        post(API + "/forecast/snapshots", DemoUser.SALES, "{\"period\":\"" + period + "\"}");
    assertEquals(notAllowed.toString(), 403, notAllowed.status());
    HttpResult snapshot =
        post(API + "/forecast/snapshots", DemoUser.MANAGER, "{\"period\":\"" + period + "\"}");
    assertEquals(snapshot.toString(), 201, snapshot.status());
    String snapshotId = idOf(snapshot);
    String marker = "\"snapshotId\":\"" + snapshotId + "\"";
    HttpResult before = get(API + "/forecast/accuracy?period=" + period, DemoUser.ADMIN);
    assertEquals(before.toString(), 200, before.status());
    BigDecimal actualBefore = number(object(before.body(), marker), "actual");

    HttpResult won =
        request(
            "POST",
            API + "/opportunities/" + idOf(commit) + "/win",
            DemoUser.SALES,
            "{\"reason\":\"signed\"}",
            "Content-Type",
            "application/json",
            "If-Match",
            etag(commit));
    assertEquals(won.toString(), 200, won.status());

    String after =
        object(get(API + "/forecast/accuracy?period=" + period, DemoUser.ADMIN).body(), marker);
    assertEquals(0, actualBefore.add(new BigDecimal("1000")).compareTo(number(after, "actual")));
    String ownerAfter =
        flatObject(
            get(API + "/forecast?period=" + period + "&owner=" + owner, DemoUser.SALES).body(),
            "\"key\":\"" + owner + "\"");
    assertEquals(0, new BigDecimal("1000").compareTo(number(ownerAfter, "closed")));
    assertEquals(0, new BigDecimal("0.2").compareTo(number(ownerAfter, "attainment")));

    // The shell prints the same.
    String forecast = executeCommand("crm:forecast --owner " + owner + " " + period);
    assertTrue(forecast, forecast.contains(owner) && forecast.contains("20.0%"));
    String quotaSet = executeCommand("crm:quota-set " + owner + " " + period + " 4000");
    assertTrue(quotaSet, quotaSet.contains("quota changed: " + owner + " " + period + " 4000.00"));
    String taken = executeCommand("crm:forecast-snapshot " + period);
    assertTrue(taken, taken.contains("of " + period));
    String accuracy = executeCommand("crm:forecast-accuracy " + period);
    Matcher takenAt = Pattern.compile("\"takenAt\":\"([^\"]+)\"").matcher(snapshot.body());
    assertTrue(snapshot.body(), takenAt.find());
    assertTrue(accuracy, accuracy.contains(takenAt.group(1)));
  }
}
