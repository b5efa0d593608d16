package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.UUID;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loopcrm.crm.itests.CrmTestSupport;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Party details through REST in the distribution: contact mechanisms (E.164 normalisation, a bad
 * one refused, one primary per kind, If-Match), consent recorded for a contact's mechanism and
 * shown on it, roles, ERP references (unique, found by system and id), tags and accounts by tag,
 * and 404 for a user outside the account's circle. Plus the shell commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PartyDetailsIT extends CrmTestSupport {

  @Before
  public void ready() {
    awaitCrmReady();
    // Sales owns the accounts; marketing and the viewer see them as team mates. Service does not.
    ensureTeam("Party desk", DemoUser.SALES, DemoUser.MARKETING, DemoUser.VIEWER);
  }

  private String createAccount(String name) {
    HttpResult r = post(API + "/accounts", DemoUser.SALES, "{\"name\":\"" + name + "\"}");
    assertEquals(r.toString(), 201, r.status());
    return idOf(r);
  }

  @Test
  public void mechanismsConsentRolesRefsAndTags() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String account = createAccount("Party " + suffix);
    String base = API + "/accounts/" + account;

    // Mechanisms: normalised, validated, one primary per kind.
    HttpResult phone =
        post(
            base + "/mechanisms",
            DemoUser.SALES,
            "{\"kind\":\"PHONE\",\"value\":\"030 1234567\",\"phoneRegion\":\"DE\","
                + "\"purposes\":[\"PRIMARY\",\"BILLING\"]}");
    assertEquals(phone.toString(), 201, phone.status());
    assertTrue(phone.body(), phone.body().contains("\"value\":\"+49301234567\""));
    assertTrue(phone.toString(), phone.header("ETag").isPresent());
    HttpResult bad =
        post(base + "/mechanisms", DemoUser.SALES, "{\"kind\":\"PHONE\",\"value\":\"+49 12\"}");
    assertEquals(bad.toString(), 422, bad.status());
    assertTrue(bad.body(), bad.body().contains("\"field\":\"value\""));
    HttpResult second =
        post(
            base + "/mechanisms",
            DemoUser.SALES,
            "{\"kind\":\"PHONE\",\"value\":\"+44 20 7946 0000\",\"purposes\":[\"PRIMARY\"]}");
    assertEquals(second.toString(), 409, second.status());
    HttpResult web =
        post(
            base + "/mechanisms",
            DemoUser.MARKETING,
            "{\"kind\":\"WEB\",\"value\":\"HTTPS://Example.COM\",\"purposes\":[\"PRIMARY\"]}");
    assertEquals(web.toString(), 201, web.status());
    assertTrue(web.body(), web.body().contains("\"value\":\"https://example.com/\""));
    String phoneId = idOf(phone);
    HttpResult noIfMatch =
        request(
            "PUT",
            base + "/mechanisms/" + phoneId,
            DemoUser.SALES,
            "{\"kind\":\"PHONE\",\"value\":\"+49 30 1234567\"}",
            "Content-Type",
            "application/json");
    assertEquals(noIfMatch.toString(), 428, noIfMatch.status());
    HttpResult stale =
        request(
            "PUT",
            base + "/mechanisms/" + phoneId,
            DemoUser.SALES,
            "{\"kind\":\"PHONE\",\"value\":\"+49 30 1234567\"}",
            "Content-Type",
            "application/json",
            "If-Match",
            "\"99\"");
    assertEquals(stale.toString(), 412, stale.status());
    HttpResult list = get(base + "/mechanisms", DemoUser.VIEWER);
    assertEquals(list.toString(), 200, list.status());
    assertTrue(list.body(), list.body().contains("+49301234567"));

    // Consent on a contact's mechanism, in the register and shown on the mechanism.
    HttpResult contact =
        post(
            base + "/contacts",
            DemoUser.SALES,
            "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace " + suffix + "\"}");
    assertEquals(contact.toString(), 201, contact.status());
    String contactBase = base + "/contacts/" + idOf(contact);
    HttpResult mail =
        post(
            contactBase + "/mechanisms",
            DemoUser.SALES,
            "{\"kind\":\"EMAIL\",\"value\":\"Ada@Example.COM\",\"purposes\":[\"PRIMARY\"]}");
    assertEquals(mail.toString(), 201, mail.status());
    assertTrue(mail.body(), mail.body().contains("\"value\":\"Ada@example.com\""));
    String mailId = idOf(mail);
    HttpResult consent =
        post(
            contactBase + "/mechanisms/" + mailId + "/consents",
            DemoUser.MARKETING,
            "{\"purpose\":\"newsletter\",\"status\":\"GRANTED\",\"source\":\"web-form\"}");
    assertEquals(consent.toString(), 201, consent.status());
    HttpResult shown = get(contactBase + "/mechanisms/" + mailId, DemoUser.VIEWER);
    assertEquals(shown.toString(), 200, shown.status());
    assertTrue(shown.body(), shown.body().contains("\"purpose\":\"newsletter\""));
    assertTrue(shown.body(), shown.body().contains("\"channel\":\"EMAIL\""));
    assertTrue(shown.body(), shown.body().contains("\"status\":\"GRANTED\""));
    assertTrue(shown.body(), shown.body().contains("\"mechanismId\":\"" + mailId + "\""));
    HttpResult register = get(contactBase + "/consents", DemoUser.VIEWER);
    assertTrue(register.body(), register.body().contains("\"purpose\":\"newsletter\""));

    // Roles, and accounts by role.
    HttpResult role = post(base + "/roles", DemoUser.SALES, "{\"role\":\"CUSTOMER\"}");
    assertEquals(role.toString(), 201, role.status());
    assertEquals(409, post(base + "/roles", DemoUser.SALES, "{\"role\":\"CUSTOMER\"}").status());
    HttpResult customers = get(API + "/parties/accounts?role=customer&limit=200", DemoUser.VIEWER);
    assertEquals(customers.toString(), 200, customers.status());
    assertTrue(customers.body(), customers.body().contains(account));

    // ERP references: unique, found by system and id.
    String erpId = "P-" + suffix;
    HttpResult ref =
        post(
            base + "/external-refs",
            DemoUser.SALES,
            "{\"system\":\"tryton\",\"externalId\":\"" + erpId + "\"}");
    assertEquals(ref.toString(), 201, ref.status());
    HttpResult clash =
        post(
            contactBase + "/external-refs",
            DemoUser.SALES,
            "{\"system\":\"Tryton\",\"externalId\":\"" + erpId + "\"}");
    assertEquals(clash.toString(), 409, clash.status());
    HttpResult found = get(API + "/parties/by-ref?system=tryton&id=" + erpId, DemoUser.VIEWER);
    assertEquals(found.toString(), 200, found.status());
    assertTrue(found.body(), found.body().contains("\"accountId\":\"" + account + "\""));

    // Tags, case-insensitive, and accounts by tag.
    String tag = "vip-" + suffix;
    HttpResult tagged =
        post(base + "/tags", DemoUser.MARKETING, "{\"tag\":\"" + tag.toUpperCase() + "\"}");
    assertEquals(tagged.toString(), 200, tagged.status());
    assertTrue(tagged.body(), tagged.body().contains("\"" + tag + "\""));
    assertEquals(422, post(base + "/tags", DemoUser.MARKETING, "{\"tag\":\"no spaces\"}").status());
    HttpResult byTag = get(API + "/parties/accounts?tag=" + tag, DemoUser.VIEWER);
    assertTrue(byTag.body(), byTag.body().contains(account));

    // Outside the account's circle: nothing exists.
    assertEquals(404, get(base + "/mechanisms", DemoUser.SERVICE).status());
    assertEquals(404, get(contactBase + "/mechanisms/" + mailId, DemoUser.SERVICE).status());
    assertEquals(404, get(base + "/tags", DemoUser.SERVICE).status());
    assertEquals(
        404, get(API + "/parties/by-ref?system=tryton&id=" + erpId, DemoUser.SERVICE).status());
    HttpResult strangerTags = get(API + "/parties/accounts?tag=" + tag, DemoUser.SERVICE);
    assertEquals(strangerTags.toString(), 200, strangerTags.status());
    assertFalse(strangerTags.body(), strangerTags.body().contains(account));
    assertEquals(404, post(base + "/tags", DemoUser.SERVICE, "{\"tag\":\"x\"}").status());

    // The shell.
    String mechanisms = executeCommand("crm:mechanism-list " + account);
    assertTrue(mechanisms, mechanisms.contains("+49301234567"));
    String refFound = executeCommand("crm:ref-find tryton " + erpId);
    assertTrue(refFound, refFound.contains(account));
    String tags = executeCommand("crm:tag-add " + account + " Fair-2026");
    assertTrue(tags, tags.contains("fair-2026") && tags.contains(tag));
    String byRole = executeCommand("crm:party-accounts --role customer --limit 200");
    assertTrue(byRole, byRole.contains(account));
  }
}
