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
 * The account hierarchy and partner relationships in the distribution, through REST and the shell:
 * a three-level tree, a cycle refused as problem+json, roll-ups with and without finance access,
 * record-level access on the tree, partners related once and ended into the history.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HierarchyIT extends CrmTestSupport {

  @Before
  public void crmIsUp() {
    awaitCrmReady();
    ensureTeam("Hierarchy desk", DemoUser.SALES, DemoUser.VIEWER);
  }

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private String account(String name, DemoUser user) {
    HttpResult r = post(API + "/accounts", user, "{\"name\":\"" + name + "\"}");
    assertEquals(r.toString(), 201, r.status());
    return idOf(r);
  }

  private HttpResult setParent(String child, String parent, DemoUser user) {
    return request(
        "PUT",
        API + "/accounts/" + child + "/hierarchy/parent",
        user,
        "{\"parentId\":\"" + parent + "\"}",
        "Content-Type",
        "application/json");
  }

  private static void assertProblem(HttpResult r, int status, String type) {
    assertEquals(r.toString(), status, r.status());
    assertTrue(
        r.toString(), r.header("Content-Type").orElse("").startsWith("application/problem+json"));
    assertTrue(
        r.toString(), r.body().contains("\"type\":\"https://loopcrm.org/problems/" + type + "\""));
  }

  @Test
  public void aTreeIsBuiltReadRolledUpAndGuarded() {
    String group = account(unique("Group"), DemoUser.SALES);
    String east = account(unique("East"), DemoUser.SALES);
    String plant = account(unique("Plant"), DemoUser.SALES);
    assertEquals(200, setParent(east, group, DemoUser.SALES).status());
    HttpResult set = setParent(plant, east, DemoUser.SALES);
    assertEquals(set.toString(), 200, set.status());
    assertTrue(set.body(), set.body().contains("\"parentId\":\"" + east + "\""));

    HttpResult tree = get(API + "/accounts/" + group + "/hierarchy?depth=5", DemoUser.VIEWER);
    assertEquals(tree.toString(), 200, tree.status());
    int eastAt = tree.body().indexOf(east);
    int plantAt = tree.body().indexOf(plant);
    assertTrue(tree.body(), eastAt > 0 && plantAt > eastAt);
    assertTrue(tree.body(), tree.body().contains("\"depth\":2"));

    HttpResult up = get(API + "/accounts/" + plant + "/hierarchy", DemoUser.SALES);
    assertTrue(up.body(), up.body().indexOf(east) < up.body().indexOf(group));

    assertProblem(setParent(group, plant, DemoUser.SALES), 409, "conflict");
    assertProblem(setParent(group, "not-a-uuid", DemoUser.SALES), 422, "validation");
    assertProblem(setParent(group, plant, DemoUser.VIEWER), 403, "forbidden");
    assertProblem(
        get(API + "/accounts/" + group + "/hierarchy?depth=0", DemoUser.SALES), 422, "validation");

    HttpResult rollUp = get(API + "/accounts/" + group + "/hierarchy/rollup", DemoUser.SALES);
    assertEquals(rollUp.toString(), 200, rollUp.status());
    assertTrue(rollUp.body(), rollUp.body().contains("\"accounts\":3"));
    assertTrue(rollUp.body(), rollUp.body().contains("\"receivablesOpen\":{}"));
    HttpResult viewerRollUp =
        get(API + "/accounts/" + group + "/hierarchy/rollup", DemoUser.VIEWER);
    assertTrue(viewerRollUp.body(), viewerRollUp.body().contains("\"receivablesOpen\":null"));

    // Outside the circle: service is in no team with sales; someone else's account is no parent.
    assertProblem(
        get(API + "/accounts/" + group + "/hierarchy", DemoUser.SERVICE), 404, "not-found");
    String theirs =
        idOf(
            post(
                API + "/accounts",
                DemoUser.ADMIN,
                "{\"name\":\"" + unique("Theirs") + "\",\"owner\":\"someone-else\"}"));
    assertProblem(setParent(east, theirs, DemoUser.SALES), 404, "not-found");

    HttpResult history = get(API + "/accounts/" + plant + "/history", DemoUser.SALES);
    assertTrue(history.body(), history.body().contains("\"field\":\"parent\""));

    String shell = executeCommand("crm:account-tree --depth 5 " + group);
    assertTrue(shell, shell.contains("Plant") && shell.contains("Totals: 3 accounts"));

    HttpResult cleared =
        request("DELETE", API + "/accounts/" + plant + "/hierarchy/parent", DemoUser.SALES, null);
    assertEquals(cleared.toString(), 200, cleared.status());
    assertTrue(cleared.body(), cleared.body().contains("\"parentId\":null"));
  }

  @Test
  public void partnersAreRelatedOnceAndEndedIntoTheHistory() {
    String mine = account(unique("Mine"), DemoUser.SALES);
    String partner = account(unique("Partner"), DemoUser.SALES);
    String rels = API + "/accounts/" + mine + "/relationships";
    String body =
        "{\"type\":\"PARTNER_OF\",\"toAccountId\":\"" + partner + "\",\"title\":\"Reseller\"}";
    HttpResult created = post(rels, DemoUser.SALES, body);
    assertEquals(created.toString(), 201, created.status());
    String id = idOf(created);
    assertProblem(post(rels, DemoUser.SALES, body), 409, "conflict");
    assertProblem(
        post(rels, DemoUser.SALES, "{\"type\":\"FRIEND_OF\",\"toAccountId\":\"" + partner + "\"}"),
        422,
        "validation");

    HttpResult ended = request("DELETE", rels + "/" + id, DemoUser.SALES, null);
    assertEquals(ended.toString(), 200, ended.status());
    assertTrue(ended.body(), ended.body().contains("\"active\":false"));
    assertFalse(get(rels, DemoUser.VIEWER).body().contains(id));
    assertTrue(get(rels + "?all=true", DemoUser.VIEWER).body().contains(id));
  }
}
