package org.loopcrm.crm.itests;

import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Walks every role × endpoint of the REST API in the distribution and fails on any cell that
 * answers differently from the README's permission table: a write that should be refused and is
 * not, a read that leaks finance facts, or a permitted call that is refused. Each refused write is
 * also checked to have changed nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthorizationMatrixIT extends CrmTestSupport {
  private static final Set<DemoUser> WRITERS =
      EnumSet.of(DemoUser.ADMIN, DemoUser.MANAGER, DemoUser.SALES, DemoUser.INTEGRATION);
  private static final Set<DemoUser> ARCHIVERS =
      EnumSet.of(DemoUser.ADMIN, DemoUser.MANAGER, DemoUser.SALES);
  private static final Set<DemoUser> CONTACT_WRITERS =
      EnumSet.of(
          DemoUser.ADMIN,
          DemoUser.MANAGER,
          DemoUser.SALES,
          DemoUser.INTEGRATION,
          DemoUser.MARKETING,
          DemoUser.SERVICE);
  private static final Set<DemoUser> FINANCE = WRITERS;
  private static final Set<DemoUser> READERS = EnumSet.complementOf(EnumSet.of(DemoUser.NOBODY));

  private final List<String> wrong = new ArrayList<>();

  private void expect(DemoUser user, String call, HttpResult r, int allowed, boolean allow) {
    int expected = allow ? allowed : 403;
    if (r.status() != expected) {
      wrong.add(
          user.userName()
              + " "
              + call
              + ": expected "
              + expected
              + ", got "
              + r.status()
              + " "
              + r.body());
    }
  }

  private String newAccount() {
    return idOf(
        post(
            API + "/accounts",
            DemoUser.ADMIN,
            "{\"name\":\"Matrix "
                + UUID.randomUUID()
                + "\",\"erpRef\":\"M-"
                + UUID.randomUUID()
                + "\"}"));
  }

  @Test
  public void everyRoleGetsExactlyItsPermissionsOnEveryEndpoint() {
    awaitCrmReady();
    for (DemoUser user : DemoUser.values()) {
      String id = newAccount();
      String path = API + "/accounts/" + id;

      HttpResult list = get(API + "/accounts?limit=5", user);
      expect(user, "GET /accounts", list, 200, READERS.contains(user));
      HttpResult read = get(path, user);
      expect(user, "GET /accounts/{id}", read, 200, READERS.contains(user));
      if (read.status() == 200) {
        boolean shows = read.body().contains("\"open\"");
        if (shows != FINANCE.contains(user)) {
          wrong.add(
              user.userName()
                  + " GET /accounts/{id}: receivables "
                  + (shows ? "leaked" : "missing")
                  + " "
                  + read.body());
        }
      }

      String name = "By " + user.userName() + " " + UUID.randomUUID();
      HttpResult created = post(API + "/accounts", user, "{\"name\":\"" + name + "\"}");
      expect(user, "POST /accounts", created, 201, WRITERS.contains(user));
      if (!WRITERS.contains(user)
          && get(API + "/accounts?name=" + name.replace(" ", "%20"), DemoUser.ADMIN)
              .body()
              .contains(name)) {
        wrong.add(user.userName() + " POST /accounts: refused but the account exists");
      }

      HttpResult updated =
          request(
              "PUT",
              path,
              user,
              "{\"name\":\"Changed\",\"owner\":\"sales\",\"stage\":\"PROSPECT\"}",
              "Content-Type",
              "application/json",
              "If-Match",
              "\"0\"");
      expect(user, "PUT /accounts/{id}", updated, 200, WRITERS.contains(user));
      String version = updated.status() == 200 ? "\"1\"" : "\"0\"";

      HttpResult contact = post(path + "/contacts", user, "{\"lastName\":\"Lovelace\"}");
      expect(user, "POST /accounts/{id}/contacts", contact, 201, CONTACT_WRITERS.contains(user));

      HttpResult archived = request("POST", path + "/archive", user, null, "If-Match", version);
      expect(user, "POST /accounts/{id}/archive", archived, 200, ARCHIVERS.contains(user));

      String gone = newAccount();
      request(
          "POST",
          API + "/accounts/" + gone + "/archive",
          DemoUser.ADMIN,
          null,
          "If-Match",
          "\"0\"");
      HttpResult deleted =
          request("DELETE", API + "/accounts/" + gone, user, null, "If-Match", "\"1\"");
      expect(user, "DELETE /accounts/{id}", deleted, 204, user == DemoUser.ADMIN);

      expect(
          user,
          "GET /accounts/{id}/history",
          get(path + "/history", user),
          200,
          READERS.contains(user));
      expect(
          user,
          "GET /audit?user=admin",
          get(API + "/audit?user=admin", user),
          200,
          user == DemoUser.ADMIN || user == DemoUser.MANAGER);
      expect(user, "GET /webhooks", get(API + "/webhooks", user), 200, user == DemoUser.ADMIN);

      // GDPR: consent is read by every role and recorded by contact writers; export and erasure
      // are crm-admin's.
      String subjectAccount = newAccount();
      String subject =
          idOf(
              post(
                  API + "/accounts/" + subjectAccount + "/contacts",
                  DemoUser.ADMIN,
                  "{\"lastName\":\"Subject\"}"));
      String consents = API + "/accounts/" + subjectAccount + "/contacts/" + subject + "/consents";
      expect(user, "GET .../consents", get(consents, user), 200, READERS.contains(user));
      expect(
          user,
          "POST .../consents",
          post(
              consents,
              user,
              "{\"purpose\":\"newsletter\",\"channel\":\"EMAIL\",\"status\":\"GRANTED\","
                  + "\"source\":\"matrix\"}"),
          201,
          CONTACT_WRITERS.contains(user));
      expect(
          user,
          "GET /privacy/subjects/{id}/export",
          get(API + "/privacy/subjects/" + subject + "/export", user),
          200,
          user == DemoUser.ADMIN);
      expect(
          user,
          "GET /privacy/erasures",
          get(API + "/privacy/erasures", user),
          200,
          user == DemoUser.ADMIN);
      HttpResult erased =
          post(API + "/privacy/erasures", user, "{\"subjectId\":\"" + subject + "\"}");
      expect(user, "POST /privacy/erasures", erased, 201, user == DemoUser.ADMIN);
      if (user != DemoUser.ADMIN
          && !get(API + "/accounts/" + subjectAccount + "/contacts/" + subject, DemoUser.ADMIN)
              .body()
              .contains("\"lastName\":\"Subject\"")) {
        wrong.add(user.userName() + " POST /privacy/erasures: refused but the contact is erased");
      }
    }
    assertTrue(
        "authorization matrix cells that differ:\n  " + String.join("\n  ", wrong),
        wrong.isEmpty());
  }
}
