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
 * Merging accounts through REST in the distribution: only managers and admins merge, stale versions
 * are 412, the merged account answers 404 naming the survivor and leaves the list, its tags and
 * contacts move, its history shows the merge; undo brings it back, a second undo is 409. Plus the
 * shell commands.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MergeIT extends CrmTestSupport {
  private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

  @Before
  public void ready() {
    awaitCrmReady();
    ensureTeam("Merge desk", DemoUser.SALES, DemoUser.MANAGER, DemoUser.VIEWER);
  }

  private String createAccount(String json) {
    HttpResult r = post(API + "/accounts", DemoUser.SALES, json);
    assertEquals(r.toString(), 201, r.status());
    return idOf(r);
  }

  private long version(String account) {
    HttpResult r = get(API + "/accounts/" + account, DemoUser.SALES);
    assertEquals(r.toString(), 200, r.status());
    Matcher m = VERSION.matcher(r.body());
    assertTrue(r.body(), m.find());
    return Long.parseLong(m.group(1));
  }

  private static String body(String survivor, long sv, String loser, long lv, String fields) {
    return "{\"kind\":\"ACCOUNT\",\"survivor\":{\"id\":\""
        + survivor
        + "\",\"version\":"
        + sv
        + "},\"losers\":[{\"id\":\""
        + loser
        + "\",\"version\":"
        + lv
        + "}],\"fieldSources\":"
        + fields
        + "}";
  }

  @Test
  public void mergeAndUndoThroughRest() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String survivor = createAccount("{\"name\":\"Merge Acme " + suffix + "\"}");
    String loser =
        createAccount(
            "{\"name\":\"Merge ACME Corp " + suffix + "\",\"erpRef\":\"MRG-" + suffix + "\"}");
    HttpResult tag =
        post(
            API + "/accounts/" + loser + "/tags",
            DemoUser.SALES,
            "{\"tag\":\"dup-" + suffix + "\"}");
    assertEquals(tag.toString(), 200, tag.status());
    HttpResult contact =
        post(
            API + "/accounts/" + loser + "/contacts",
            DemoUser.SALES,
            "{\"firstName\":\"Mia\",\"lastName\":\"Merge " + suffix + "\"}");
    assertEquals(contact.toString(), 201, contact.status());
    String contactId = idOf(contact);
    long sv = version(survivor);
    long lv = version(loser);
    String fields = "{\"name\":\"" + loser + "\"}";

    HttpResult denied =
        post(API + "/merges", DemoUser.SALES, body(survivor, sv, loser, lv, fields));
    assertEquals(denied.toString(), 403, denied.status());
    HttpResult stale =
        post(API + "/merges", DemoUser.MANAGER, body(survivor, sv, loser, lv + 5, fields));
    assertEquals(stale.toString(), 412, stale.status());
    HttpResult self =
        post(API + "/merges", DemoUser.MANAGER, body(survivor, sv, survivor, sv, "{}"));
    assertEquals(self.toString(), 422, self.status());

    HttpResult merged =
        post(API + "/merges", DemoUser.MANAGER, body(survivor, sv, loser, lv, fields));
    assertEquals(merged.toString(), 201, merged.status());
    assertTrue(merged.body(), merged.body().contains("\"status\":\"MERGED\""));
    String mergeId = idOf(merged);
    assertTrue(
        merged.toString(), merged.header("Location").orElse("").endsWith("/merges/" + mergeId));

    HttpResult gone = get(API + "/accounts/" + loser, DemoUser.SALES);
    assertEquals(gone.toString(), 404, gone.status());
    assertTrue(gone.body(), gone.body().contains("problems/merged"));
    assertTrue(gone.body(), gone.body().contains("\"mergedInto\":\"" + survivor + "\""));
    HttpResult survivorNow = get(API + "/accounts/" + survivor, DemoUser.VIEWER);
    assertTrue(survivorNow.body(), survivorNow.body().contains("Merge ACME Corp " + suffix));
    assertTrue(survivorNow.body(), survivorNow.body().contains("MRG-" + suffix));
    HttpResult tags = get(API + "/accounts/" + survivor + "/tags", DemoUser.VIEWER);
    assertTrue(tags.body(), tags.body().contains("dup-" + suffix));
    HttpResult contacts = get(API + "/accounts/" + survivor + "/contacts", DemoUser.VIEWER);
    assertTrue(contacts.body(), contacts.body().contains(contactId));
    HttpResult list = get(API + "/accounts?limit=200", DemoUser.SALES);
    assertFalse(list.body(), list.body().contains(loser));
    HttpResult history = get(API + "/accounts/" + loser + "/history", DemoUser.ADMIN);
    assertEquals(history.toString(), 200, history.status());
    assertTrue(history.body(), history.body().contains("\"MERGE\""));
    HttpResult one = get(API + "/merges/" + mergeId, DemoUser.VIEWER);
    assertEquals(one.toString(), 200, one.status());
    HttpResult ofLoser = get(API + "/merges?partyId=" + loser, DemoUser.VIEWER);
    assertTrue(ofLoser.body(), ofLoser.body().contains(mergeId));

    HttpResult viewerUndo = post(API + "/merges/" + mergeId + "/undo", DemoUser.VIEWER, null);
    assertEquals(viewerUndo.toString(), 403, viewerUndo.status());
    HttpResult undone = post(API + "/merges/" + mergeId + "/undo", DemoUser.MANAGER, null);
    assertEquals(undone.toString(), 200, undone.status());
    assertTrue(undone.body(), undone.body().contains("\"status\":\"UNDONE\""));
    HttpResult back = get(API + "/accounts/" + loser, DemoUser.SALES);
    assertEquals(back.toString(), 200, back.status());
    assertTrue(back.body(), back.body().contains("MRG-" + suffix));
    HttpResult backContacts = get(API + "/accounts/" + loser + "/contacts", DemoUser.SALES);
    assertTrue(backContacts.body(), backContacts.body().contains(contactId));
    HttpResult twice = post(API + "/merges/" + mergeId + "/undo", DemoUser.MANAGER, null);
    assertEquals(twice.toString(), 409, twice.status());
  }

  @Test
  public void shellMergesAndUndoes() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String survivor = createAccount("{\"name\":\"Shell merge " + suffix + "\"}");
    String loser = createAccount("{\"name\":\"Shell merge dup " + suffix + "\"}");
    String out = executeCommand("crm:merge -f name=" + loser + " " + survivor + " " + loser);
    assertTrue(out, out.contains("MERGED"));
    Matcher m = Pattern.compile("Merge\\s+([0-9a-f-]{36})").matcher(out);
    assertTrue(out, m.find());
    HttpResult gone = get(API + "/accounts/" + loser, DemoUser.SALES);
    assertEquals(gone.toString(), 404, gone.status());
    String listed = executeCommand("crm:merge-list " + loser);
    assertTrue(listed, listed.contains(m.group(1)));
    String undone = executeCommand("crm:merge-undo " + m.group(1));
    assertTrue(undone, undone.contains("UNDONE"));
    assertEquals(200, get(API + "/accounts/" + loser, DemoUser.SALES).status());
  }
}
