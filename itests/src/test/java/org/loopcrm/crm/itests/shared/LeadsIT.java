package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
 * Leads in the distribution: a web form takes submissions without credentials (form-encoded and
 * JSON), drops a honeypot-filled one with the same answer, refuses fields it does not allow (422),
 * keeps a duplicate and links it, and answers 429 with Retry-After over its rate; the LEAD rule
 * assigns the lead and explains it; the score is explained; conversion creates account, contact and
 * opportunity; the shell shows the converted lead.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class LeadsIT extends CrmTestSupport {
  private static final Pattern KEY = Pattern.compile("\"key\":\"([A-Za-z0-9_-]+)\"");
  private static final Pattern OPPORTUNITY =
      Pattern.compile("\"opportunityId\":\"([0-9a-f-]{36})\"");
  private static final Pattern ACCOUNT = Pattern.compile("\"accountId\":\"([0-9a-f-]{36})\"");
  private static final Pattern CONTACT = Pattern.compile("\"contactId\":\"([0-9a-f-]{36})\"");

  @Before
  public void ready() {
    awaitCrmReady();
  }

  private static String group(Pattern p, String body) {
    Matcher m = p.matcher(body);
    assertTrue(body, m.find());
    return m.group(1);
  }

  private HttpResult publicPost(String key, String contentType, String body) {
    return request("POST", API + "/public/leads/" + key, null, body, "Content-Type", contentType);
  }

  private HttpResult leadsMatching(String text) {
    return get(API + "/leads?q=" + text, DemoUser.SALES);
  }

  private static int count(String body, String needle) {
    int n = 0;
    for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  public void aWebLeadIsCapturedAssignedScoredAndConverted() {
    String campaign = "it-" + UUID.randomUUID().toString().substring(0, 8);
    String email = campaign + "@example.org";
    HttpResult rule =
        post(
            API + "/assignment-rules",
            DemoUser.ADMIN,
            "{\"kind\":\"LEAD\",\"name\":\"LeadsIT "
                + campaign
                + "\",\"position\":1,\"conditions\":[{\"attribute\":\"campaign\",\"operator\":\"IN\","
                + "\"values\":[\""
                + campaign
                + "\"]}],\"strategy\":\"FIXED\",\"user\":\"sales\",\"responseMinutes\":60}");
    assertEquals(rule.body(), 201, rule.status());
    HttpResult scoring =
        post(
            API + "/lead-scoring-rules",
            DemoUser.ADMIN,
            "{\"name\":\"LeadsIT form "
                + campaign
                + "\",\"activityKind\":\"form\",\"points\":7,\"halfLifeDays\":30}");
    assertEquals(scoring.body(), 201, scoring.status());
    HttpResult form =
        post(
            API + "/lead-forms",
            DemoUser.ADMIN,
            "{\"name\":\"LeadsIT\",\"allowedFields\":[\"firstName\",\"lastName\",\"company\","
                + "\"email\",\"employees\"],\"consentPurpose\":\"marketing\",\"consentText\":\"News"
                + " please\",\"consentTextVersion\":\"v1\",\"ratePerMinute\":4,"
                + "\"honeypotField\":\"website\",\"campaign\":\""
                + campaign
                + "\"}");
    assertEquals(form.body(), 201, form.status());
    String key = group(KEY, form.body());
    HttpResult salesForms = get(API + "/lead-forms", DemoUser.SALES);
    assertEquals(salesForms.body(), 403, salesForms.status());

    // 1: a browser's post, no credentials.
    HttpResult first =
        publicPost(
            key,
            "application/x-www-form-urlencoded",
            "firstName=Wendy&lastName=Web&company=Webco+"
                + campaign
                + "&email="
                + email
                + "&employees=40&consent=on&website=");
    assertEquals(first.body(), 201, first.status());
    assertEquals("{\"received\":true}", first.body());
    // 2: a bot fills the honeypot: the same answer, nothing kept.
    HttpResult bot =
        publicPost(
            key,
            "application/json",
            "{\"lastName\":\"Bot\",\"email\":\"bot-" + email + "\",\"website\":\"http://spam\"}");
    assertEquals(bot.body(), 201, bot.status());
    assertEquals(first.body(), bot.body());
    // 3: a field the form does not take.
    HttpResult extra =
        publicPost(
            key, "application/json", "{\"lastName\":\"X\",\"email\":\"x@y.z\",\"phone\":\"1\"}");
    assertEquals(extra.body(), 422, extra.status());
    assertTrue(extra.body(), extra.body().contains("\"field\":\"phone\""));
    // 4: the same person again: kept and linked to the first.
    HttpResult again =
        publicPost(
            key,
            "application/json",
            "{\"lastName\":\"Web\",\"email\":\"" + email.toUpperCase() + "\"}");
    assertEquals(again.body(), 201, again.status());
    // 5: over the rate of 4 a minute.
    HttpResult limited =
        publicPost(key, "application/json", "{\"lastName\":\"Late\",\"email\":\"l@t.e\"}");
    assertEquals(limited.body(), 429, limited.status());
    assertTrue(limited.toString(), limited.header("Retry-After").isPresent());
    assertEquals(404, publicPost("no-such-form-key", "application/json", "{}").status());
    // Only POST is public: any other method on the path is refused before anything runs.
    assertEquals(405, get(API + "/public/leads/" + key, null).status());
    assertEquals(401, get(API + "/leads", null).status());

    HttpResult list = leadsMatching(campaign);
    assertEquals(list.body(), 200, list.status());
    assertEquals(list.body(), 2, count(list.body(), "\"lastName\":\"Web\""));
    assertFalse(list.body(), list.body().contains("Bot"));
    assertTrue(list.body(), list.body().contains("\"reason\":\"same e-mail\""));
    assertTrue(list.body(), list.body().contains("\"owner\":\"sales\""));
    assertTrue(list.body(), list.body().contains("\"textVersion\":\"v1\""));

    HttpResult firstLead = get(API + "/leads?q=webco", DemoUser.SALES);
    String leadId = idOf(firstLead);
    HttpResult lead = get(API + "/leads/" + leadId, DemoUser.SALES);
    assertEquals(lead.body(), 200, lead.status());
    // Outside the owner's circle a lead does not exist, until it is shared.
    assertEquals(404, get(API + "/leads/" + leadId, DemoUser.SERVICE).status());
    assertFalse(get(API + "/leads?q=webco", DemoUser.SERVICE).body().contains(leadId));
    HttpResult shared =
        post(
            API + "/leads/" + leadId + "/shares",
            DemoUser.SALES,
            "{\"principalType\":\"USER\",\"principal\":\"service\",\"access\":\"READ\"}");
    assertEquals(shared.body(), 201, shared.status());
    assertEquals(200, get(API + "/leads/" + leadId, DemoUser.SERVICE).status());
    HttpResult assignments = get(API + "/leads/" + leadId + "/assignments", DemoUser.SALES);
    assertTrue(assignments.body(), assignments.body().contains("FIXED: the owner is sales"));
    assertTrue(assignments.body(), assignments.body().contains("\"responseDueAt\":\"20"));
    HttpResult score = get(API + "/leads/" + leadId + "/score", DemoUser.SALES);
    assertEquals(score.body(), 200, score.status());
    assertTrue(score.body(), score.body().contains("1 × form at 7, halved every 30 days"));

    HttpResult converted =
        request(
            "POST",
            API + "/leads/" + leadId + "/convert",
            DemoUser.SALES,
            "{\"createOpportunity\":{\"name\":\"Webco deal\",\"amount\":12000,"
                + "\"closeDate\":\"2027-03-31\"}}",
            "Content-Type",
            "application/json",
            "If-Match",
            lead.header("ETag").orElseThrow());
    assertEquals(converted.body(), 200, converted.status());
    assertTrue(converted.body(), converted.body().contains("\"accountCreated\":true"));
    assertTrue(converted.body(), converted.body().contains("\"status\":\"CONVERTED\""));
    String opportunityId = group(OPPORTUNITY, converted.body());
    // The consent given on the form is now in the contact's consent register, dated when given.
    HttpResult consents =
        get(
            API
                + "/accounts/"
                + group(ACCOUNT, converted.body())
                + "/contacts/"
                + group(CONTACT, converted.body())
                + "/consents",
            DemoUser.SALES);
    assertEquals(consents.body(), 200, consents.status());
    assertTrue(consents.body(), consents.body().contains("\"purpose\":\"marketing\""));
    assertTrue(consents.body(), consents.body().contains("\"status\":\"GRANTED\""));
    assertTrue(consents.body(), consents.body().contains("web-to-lead form LeadsIT"));
    assertTrue(consents.body(), consents.body().contains("News please"));
    HttpResult opportunity = get(API + "/opportunities/" + opportunityId, DemoUser.SALES);
    assertEquals(opportunity.body(), 200, opportunity.status());
    assertTrue(opportunity.body(), opportunity.body().contains("Webco deal"));

    String shell = executeCommand("crm:lead-show " + leadId);
    assertTrue(shell, shell.contains("CONVERTED"));
    assertTrue(shell, shell.contains("marketing (text v1)"));
    String explain = executeCommand("crm:assignment-explain LEAD campaign=" + campaign);
    assertTrue(explain, explain.startsWith("sales by rule"));
  }
}
