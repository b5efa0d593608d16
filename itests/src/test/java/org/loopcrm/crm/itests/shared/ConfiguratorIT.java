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
 * Configure-to-order in the distribution: the Choco solver embedded in crm-configurator resolves
 * and runs in Karaf; a model created over REST is configured partially (open values narrowed by the
 * constraints), contradicted (200 with the broken rule), completed (price, BOM, routing), released
 * and saved (201 + Location), read back; bad input answers problem+json; the shell commands print
 * the same.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConfiguratorIT extends CrmTestSupport {

  @Before
  public void ready() {
    awaitCrmReady();
  }

  private static String model(String code) {
    return ("""
        {"code": "%s", "name": "Belt conveyor", "erpProductCode": "CONV-B", "currency": "EUR",
         "basePrice": 2000,
         "attributes": [
           {"code": "motor", "label": "Motor", "kind": "OPTION", "options": [
              {"code": "M1", "label": "0.75 kW", "price": 300, "properties": {"torque": 10},
               "components": [{"productCode": "MOTOR-075", "quantity": 1}],
               "operations": [{"sequence": 30, "operation": "Mount motor", "workCentre": "ELEC",
                               "minutes": 20}]},
              {"code": "M2", "label": "2.2 kW", "price": 650, "properties": {"torque": 30},
               "components": [{"productCode": "MOTOR-220", "quantity": 1}],
               "operations": [{"sequence": 30, "operation": "Mount motor", "workCentre": "ELEC",
                               "minutes": 25}]}]},
           {"code": "length", "label": "Length", "kind": "INTEGER", "min": 1000, "max": 20000,
            "unit": "mm"},
           {"code": "load", "label": "Load", "kind": "INTEGER", "min": 10, "max": 100,
            "unit": "kg/m"},
           {"code": "guard", "label": "Side guards", "kind": "BOOLEAN"}],
         "constraints": [
           {"type": "formula", "label": "The motor must carry the load",
            "formula": "load * length <= motor.torque * 40000"},
           {"type": "requires", "label": "Long conveyors have side guards",
            "ifAttribute": "motor", "ifValues": ["M2"], "thenAttribute": "guard",
            "thenValues": ["true"]}],
         "pricing": [{"label": "Length (per m)", "amount": 180, "per": "length / 1000"},
                     {"label": "Side guards", "amount": 240, "when": "guard"}],
         "bom": [{"component": "BELT-M", "quantity": "length / 1000"},
                 {"component": "GUARD-SET", "quantity": "1", "when": "guard"}],
         "routing": [{"sequence": 10, "operation": "Cut frame", "workCentre": "SAW",
                      "minutes": "5 + length / 1000"},
                     {"sequence": 20, "operation": "Assemble", "workCentre": "ASSY",
                      "minutes": "60"}]}
        """)
        .formatted(code);
  }

  @Test
  public void aModelIsConfiguredSavedAndReadBackOverRest() {
    String code = "CONV-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResult created = post(API + "/product-models", DemoUser.MANAGER, model(code));
    assertEquals(created.toString(), 201, created.status());
    assertTrue(created.header("Location").orElseThrow().endsWith("/product-models/" + code));
    assertTrue(created.body(), created.body().contains("\"status\":\"DRAFT\""));

    // sales may not change models
    HttpResult refused = post(API + "/product-models", DemoUser.SALES, model(code + "X"));
    assertEquals(refused.toString(), 403, refused.status());

    // partial: the small motor carries 10 x 40 = 400 kg, so 100 kg/m limits the length to 4 m
    HttpResult partial =
        post(
            API + "/product-models/" + code + "/configure",
            DemoUser.SALES,
            "{\"selections\": {\"motor\": \"M1\", \"load\": \"100\"}}");
    assertEquals(partial.toString(), 200, partial.status());
    assertTrue(partial.body(), partial.body().contains("\"valid\":true"));
    assertTrue(
        partial.body(),
        partial
            .body()
            .contains("{\"attribute\":\"length\",\"values\":[],\"min\":1000,\"max\":4000}"));

    // a contradiction is an answer, not an error
    HttpResult contradiction =
        post(
            API + "/product-models/" + code + "/configure",
            DemoUser.SALES,
            "{\"selections\": {\"motor\": \"M2\", \"guard\": \"false\"}}");
    assertEquals(contradiction.toString(), 200, contradiction.status());
    assertTrue(contradiction.body(), contradiction.body().contains("\"valid\":false"));
    assertTrue(
        contradiction.body(), contradiction.body().contains("Long conveyors have side guards"));

    // unknown values are 422 problems naming the field
    HttpResult unknown =
        post(
            API + "/product-models/" + code + "/configure",
            DemoUser.SALES,
            "{\"selections\": {\"motor\": \"M9\"}}");
    assertEquals(unknown.toString(), 422, unknown.status());
    assertTrue(unknown.body(), unknown.body().contains("selections.motor"));

    String complete =
        "{\"motor\": \"M2\", \"length\": \"12000\", \"load\": \"50\", \"guard\": \"true\"}";
    HttpResult done =
        post(
            API + "/product-models/" + code + "/configure",
            DemoUser.SALES,
            "{\"selections\": " + complete + "}");
    assertTrue(done.body(), done.body().contains("\"complete\":true"));
    // 2000 + 650 + 180 x 12 + 240
    assertTrue(done.body(), done.body().contains("\"total\":5050.00"));
    assertTrue(done.body(), done.body().contains("{\"productCode\":\"BELT-M\",\"quantity\":12}"));

    // a draft is not saved for quotes
    String save = "{\"model\": \"" + code + "\", \"selections\": " + complete + "}";
    HttpResult draft = post(API + "/configurations", DemoUser.SALES, save);
    assertEquals(draft.toString(), 409, draft.status());

    HttpResult released = post(API + "/product-models/" + code + "/release", DemoUser.MANAGER, "");
    assertEquals(released.toString(), 200, released.status());

    HttpResult incomplete =
        post(
            API + "/configurations",
            DemoUser.SALES,
            "{\"model\": \"" + code + "\", \"selections\": {\"motor\": \"M2\"}}");
    assertEquals(incomplete.toString(), 422, incomplete.status());

    HttpResult saved = post(API + "/configurations", DemoUser.SALES, save);
    assertEquals(saved.toString(), 201, saved.status());
    String location = saved.header("Location").orElseThrow();
    Matcher id = Pattern.compile("/configurations/([0-9a-f-]{36})$").matcher(location);
    assertTrue(location, id.find());
    HttpResult read = get(API + "/configurations/" + id.group(1), DemoUser.VIEWER);
    assertEquals(read.toString(), 200, read.status());
    assertTrue(read.body(), read.body().contains("\"erpProductCode\":\"CONV-B\""));
    assertTrue(read.body(), read.body().contains("{\"productCode\":\"MOTOR-220\",\"quantity\":1}"));
    assertTrue(read.body(), read.body().contains("\"operation\":\"Mount motor\""));

    // a released revision never changes
    HttpResult edit =
        request(
            "PUT",
            API + "/product-models/" + code,
            DemoUser.MANAGER,
            model(code),
            "Content-Type",
            "application/json",
            "If-Match",
            released.header("ETag").orElseThrow());
    assertEquals(edit.toString(), 409, edit.status());
  }

  @Test
  public void aBadFormulaIsA422WithItsFieldPath() {
    String code = "BAD-" + UUID.randomUUID().toString().substring(0, 8);
    String bad = model(code).replace("load * length <=", "load * <=");
    HttpResult r = post(API + "/product-models", DemoUser.ADMIN, bad);
    assertEquals(r.toString(), 422, r.status());
    assertTrue(r.body(), r.body().contains("constraints[0].formula"));
    assertEquals(404, get(API + "/product-models/" + code, DemoUser.VIEWER).status());
  }

  @Test
  public void theShellListsShowsAndConfigures() {
    String code = "SH-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(201, post(API + "/product-models", DemoUser.ADMIN, model(code)).status());
    String list = executeCommand("crm:model-list --limit 200");
    assertTrue(list, list.contains(code));
    String show = executeCommand("crm:model-show " + code);
    assertTrue(show, show.contains("Long conveyors have side guards"));
    String open = executeCommand("crm:configure " + code + " motor=M1 load=100");
    assertTrue(open, open.contains("valid so far"));
    assertTrue(open, open.contains("1000..4000"));
    String broken = executeCommand("crm:configure " + code + " motor=M2 guard=false");
    assertTrue(broken, broken.contains("Long conveyors have side guards"));
    String complete =
        executeCommand("crm:configure " + code + " motor=M2 length=12000 load=50 guard=true");
    assertTrue(complete, complete.contains("complete"));
    assertTrue(complete, complete.contains("5050.00"));
    assertTrue(complete, complete.contains("BELT-M"));
    String typo = executeCommand("crm:configure " + code + " motor=M9");
    assertTrue(typo, typo.contains("Not configured"));
    assertFalse(typo, typo.contains("Exception"));
  }
}
