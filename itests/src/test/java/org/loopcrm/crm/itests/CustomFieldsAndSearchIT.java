package org.loopcrm.crm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.UUID;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Custom fields and search through REST in the distribution: an admin defines typed fields, sales
 * sets values on create and update, bad values are 422 naming {@code customFields.<key>}, values
 * are audited field by field and filter the account list, a definition change that would orphan
 * values is 409, deleting needs purge; search finds accounts, contacts and mechanisms of the
 * caller's circle only. Plus the shell commands.
 */
@RunWith(PaxExam.class)
// A container of its own: it checks who is outside the sales team, which the shared container's
// other classes widen with teams of their own.
@ExamReactorStrategy(PerClass.class)
public class CustomFieldsAndSearchIT extends CrmTestSupport {

  @Before
  public void ready() {
    awaitCrmReady();
    ensureTeam("Master data desk", DemoUser.SALES, DemoUser.VIEWER);
  }

  @Test
  public void customFieldsAreDefinedValidatedAuditedAndFilterable() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String key = "tier_" + suffix;
    String body =
        "{\"target\":\"ACCOUNT\",\"key\":\""
            + key
            + "\",\"label\":\"Tier\",\"type\":\"ENUM\","
            + "\"options\":[\"gold\",\"silver\"]}";
    assertEquals(403, post(API + "/custom-fields", DemoUser.SALES, body).status());
    HttpResult defined = post(API + "/custom-fields", DemoUser.ADMIN, body);
    assertEquals(defined.toString(), 201, defined.status());
    assertTrue(
        defined.toString(), defined.header("Location").orElse("").endsWith("/account/" + key));
    String size = "size_" + suffix;
    assertEquals(
        201,
        post(
                API + "/custom-fields",
                DemoUser.ADMIN,
                "{\"target\":\"ACCOUNT\",\"key\":\""
                    + size
                    + "\",\"label\":\"Size\","
                    + "\"type\":\"INTEGER\",\"min\":0}")
            .status());
    HttpResult listed = get(API + "/custom-fields?target=account", DemoUser.VIEWER);
    assertEquals(listed.toString(), 200, listed.status());
    assertTrue(listed.body(), listed.body().contains("\"key\":\"" + key + "\""));

    HttpResult bad =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"CF bad "
                + suffix
                + "\",\"customFields\":{\""
                + key
                + "\":\"platinum\","
                + "\"nope\":1}}");
    assertEquals(bad.toString(), 422, bad.status());
    assertTrue(bad.body(), bad.body().contains("\"field\":\"customFields." + key + "\""));
    assertTrue(bad.body(), bad.body().contains("\"field\":\"customFields.nope\""));

    HttpResult big =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"CF big "
                + suffix
                + "\",\"customFields\":{\""
                + key
                + "\":\"gold\",\""
                + size
                + "\":500}}");
    assertEquals(big.toString(), 201, big.status());
    assertTrue(big.body(), big.body().contains("\"" + size + "\":500"));
    String bigId = idOf(big);
    HttpResult small =
        post(
            API + "/accounts",
            DemoUser.SALES,
            "{\"name\":\"CF small "
                + suffix
                + "\",\"customFields\":{\""
                + key
                + "\":\"silver\",\""
                + size
                + "\":5}}");
    assertEquals(small.toString(), 201, small.status());
    String smallId = idOf(small);

    HttpResult updated =
        request(
            "PUT",
            API + "/accounts/" + smallId,
            DemoUser.SALES,
            "{\"name\":\"CF small "
                + suffix
                + "\",\"owner\":\"sales\",\"stage\":\"PROSPECT\","
                + "\"customFields\":{\""
                + key
                + "\":\"gold\"}}",
            "Content-Type",
            "application/json",
            "If-Match",
            small.header("ETag").orElseThrow());
    assertEquals(updated.toString(), 200, updated.status());
    assertTrue(updated.body(), updated.body().contains("\"" + size + "\":5"));
    HttpResult history = get(API + "/accounts/" + smallId + "/history", DemoUser.VIEWER);
    assertTrue(
        history.body(),
        history.body().contains("\"field\":\"customFields." + key + "\",\"oldValue\":\"silver\""));

    HttpResult filtered =
        get(API + "/accounts?cf." + key + "=gold&cf." + size + ".gte=100", DemoUser.VIEWER);
    assertEquals(filtered.toString(), 200, filtered.status());
    assertTrue(filtered.body(), filtered.body().contains(bigId));
    assertFalse(filtered.body(), filtered.body().contains(smallId));
    HttpResult badFilter = get(API + "/accounts?cf." + key + ".gte=a", DemoUser.VIEWER);
    assertEquals(badFilter.toString(), 422, badFilter.status());
    assertTrue(badFilter.body(), badFilter.body().contains("\"field\":\"cf." + key + ".gte\""));
    HttpResult stranger = get(API + "/accounts?cf." + key + "=gold", DemoUser.SERVICE);
    assertEquals(stranger.toString(), 200, stranger.status());
    assertFalse(stranger.body(), stranger.body().contains(bigId));

    HttpResult field = get(API + "/custom-fields/account/" + key, DemoUser.ADMIN);
    String etag = field.header("ETag").orElseThrow();
    HttpResult narrowing =
        request(
            "PUT",
            API + "/custom-fields/account/" + key,
            DemoUser.ADMIN,
            "{\"target\":\"ACCOUNT\",\"key\":\""
                + key
                + "\",\"label\":\"Tier\","
                + "\"type\":\"ENUM\",\"options\":[\"silver\"]}",
            "Content-Type",
            "application/json",
            "If-Match",
            etag);
    assertEquals(narrowing.toString(), 409, narrowing.status());
    HttpResult refused =
        request(
            "DELETE",
            API + "/custom-fields/account/" + key,
            DemoUser.ADMIN,
            null,
            "If-Match",
            etag);
    assertEquals(refused.toString(), 409, refused.status());

    String shown = executeCommand("crm:account-show " + bigId);
    assertTrue(shown, shown.contains("cf." + key) && shown.contains("gold"));
    String fields = executeCommand("crm:field-list --target account");
    assertTrue(fields, fields.contains(key) && fields.contains("gold|silver"));
    String definedByShell =
        executeCommand("crm:field-define --max-length 30 contact nick_" + suffix + " TEXT");
    assertTrue(definedByShell, definedByShell.contains("nick_" + suffix));

    HttpResult purged =
        request(
            "DELETE",
            API + "/custom-fields/account/" + key + "?purge=true",
            DemoUser.ADMIN,
            null,
            "If-Match",
            etag);
    assertEquals(purged.toString(), 204, purged.status());
    HttpResult after = get(API + "/accounts/" + bigId, DemoUser.SALES);
    assertFalse(after.body(), after.body().contains(key));
  }

  @Test
  public void searchFindsTheCallersAccountsContactsAndMechanisms() {
    String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    HttpResult account =
        post(API + "/accounts", DemoUser.SALES, "{\"name\":\"" + word + " Instruments\"}");
    assertEquals(account.toString(), 201, account.status());
    String accountId = idOf(account);
    HttpResult contact =
        post(
            API + "/accounts/" + accountId + "/contacts",
            DemoUser.SALES,
            "{\"firstName\":\"Grace\",\"lastName\":\"" + word + "son\"}");
    assertEquals(contact.toString(), 201, contact.status());
    String contactId = idOf(contact);
    HttpResult mail =
        post(
            API + "/accounts/" + accountId + "/mechanisms",
            DemoUser.SALES,
            "{\"kind\":\"EMAIL\",\"value\":\"info@" + word + ".example\"}");
    assertEquals(mail.toString(), 201, mail.status());
    String mailId = idOf(mail);
    HttpResult hidden =
        post(API + "/accounts", DemoUser.MANAGER, "{\"name\":\"" + word + " Hidden\"}");
    assertEquals(hidden.toString(), 201, hidden.status());
    String hiddenId = idOf(hidden);

    HttpResult found = get(API + "/search?q=" + word, DemoUser.VIEWER);
    assertEquals(found.toString(), 200, found.status());
    String b = found.body();
    assertTrue(b, b.contains("\"id\":\"" + accountId + "\""));
    assertTrue(b, b.contains("\"id\":\"" + mailId + "\""));
    assertTrue(b, b.contains("\"id\":\"" + contactId + "\""));
    assertTrue(b, b.contains("\"MECHANISM\"") && b.contains("\"CONTACT\""));
    assertTrue(
        b, b.indexOf(accountId) < b.indexOf(mailId) && b.indexOf(mailId) < b.indexOf(contactId));
    assertFalse(b, b.contains(hiddenId));

    HttpResult onlyContacts = get(API + "/search?q=" + word + "&kinds=contact", DemoUser.VIEWER);
    assertTrue(onlyContacts.body(), onlyContacts.body().contains(contactId));
    assertFalse(onlyContacts.body(), onlyContacts.body().contains(mailId));
    HttpResult byManager = get(API + "/search?q=" + word, DemoUser.MANAGER);
    assertTrue(byManager.body(), byManager.body().contains(hiddenId));
    HttpResult byService = get(API + "/search?q=" + word, DemoUser.SERVICE);
    assertEquals(byService.toString(), 200, byService.status());
    assertFalse(byService.body(), byService.body().contains(accountId));
    assertFalse(byService.body(), byService.body().contains(hiddenId));
    assertEquals(422, get(API + "/search?q=%21%21", DemoUser.VIEWER).status());
    assertEquals(422, get(API + "/search?q=" + word + "&kinds=x", DemoUser.VIEWER).status());

    String shell = executeCommand("crm:search " + word);
    assertTrue(shell, shell.contains(accountId) && shell.contains("info@" + word + ".example"));
  }
}
