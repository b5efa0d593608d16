package org.loopcrm.crm.itests.shared;

import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.loopcrm.crm.itests.CrmTestSupport;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Walks every role × endpoint × record owner of the REST API in the distribution and fails on any
 * cell that answers differently from the README's tables: a write that should be refused and is
 * not, a record outside the caller's circle that shows (in a read, a list or a history), a read
 * that leaks finance facts, or a permitted call that is refused. Each refused write is also checked
 * to have changed nothing.
 *
 * <p>The organisation: team {@code matrix-east} = sales, marketing, viewer and {@code peer}; {@code
 * rep} reports to manager. The expected answers come from an oracle written here from the README's
 * rules, independently of the code.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
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
  private static final Set<DemoUser> CASE_WRITERS =
      EnumSet.of(
          DemoUser.ADMIN, DemoUser.MANAGER, DemoUser.SALES, DemoUser.INTEGRATION, DemoUser.SERVICE);
  private static final Set<DemoUser> FINANCE = WRITERS;
  private static final Set<DemoUser> READERS = EnumSet.complementOf(EnumSet.of(DemoUser.NOBODY));
  private static final Set<DemoUser> EVERYTHING = EnumSet.of(DemoUser.ADMIN, DemoUser.INTEGRATION);
  private static final Set<DemoUser> EAST =
      EnumSet.of(DemoUser.SALES, DemoUser.MARKETING, DemoUser.VIEWER);
  private static final String TEAM = "matrix-east";

  /** Whose account it is, relative to the caller. */
  enum Owner {
    /** The caller owns it. */
    SELF,
    /** {@code peer}, a member of team matrix-east. */
    TEAM_MATE,
    /** {@code rep}, who reports to manager. */
    REPORT,
    /** Somebody unrelated. */
    STRANGER,
    /** Somebody unrelated, shared READ with the caller. */
    SHARED_READ,
    /** Somebody unrelated, shared WRITE with the caller. */
    SHARED_WRITE,
    /** Somebody unrelated, shared READ with team matrix-east. */
    SHARED_WITH_TEAM
  }

  enum Access {
    NONE,
    READ,
    WRITE
  }

  /** The oracle: what the README says the caller may do with an account of that owner. */
  static Access expectedAccess(DemoUser user, Owner owner) {
    if (EVERYTHING.contains(user)) {
      return Access.WRITE;
    }
    return switch (owner) {
      case SELF, SHARED_WRITE -> Access.WRITE;
      case TEAM_MATE -> EAST.contains(user) ? Access.WRITE : Access.NONE;
      case REPORT -> user == DemoUser.MANAGER ? Access.WRITE : Access.NONE;
      case STRANGER -> Access.NONE;
      case SHARED_READ -> Access.READ;
      case SHARED_WITH_TEAM -> EAST.contains(user) ? Access.READ : Access.NONE;
    };
  }

  /**
   * The status of a call: 403 when the role may not do it at all, 404 when the record is outside
   * the caller's circle, 403 when it may only read it and the call writes, {@code ok} otherwise.
   */
  static int expectedStatus(boolean roleAllows, Access access, boolean writes, int ok) {
    if (!roleAllows) {
      return 403;
    }
    if (access == Access.NONE) {
      return 404;
    }
    if (writes && access != Access.WRITE) {
      return 403;
    }
    return ok;
  }

  private final List<String> wrong = new ArrayList<>();

  private void expect(DemoUser user, String call, HttpResult r, int expected) {
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

  private void expect(DemoUser user, String call, HttpResult r, int allowed, boolean allow) {
    expect(user, call, r, allow ? allowed : 403);
  }

  private String newAccount(String owner) {
    return idOf(
        post(
            API + "/accounts",
            DemoUser.ADMIN,
            "{\"name\":\"Matrix "
                + UUID.randomUUID()
                + "\",\"erpRef\":\"M-"
                + UUID.randomUUID()
                + "\",\"owner\":\""
                + owner
                + "\"}"));
  }

  private void share(String accountId, String type, String principal, String access) {
    HttpResult r =
        post(
            API + "/accounts/" + accountId + "/shares",
            DemoUser.ADMIN,
            "{\"principalType\":\""
                + type
                + "\",\"principal\":\""
                + principal
                + "\",\"access\":\""
                + access
                + "\"}");
    if (r.status() != 201) {
      throw new AssertionError("could not share " + accountId + ": " + r);
    }
  }

  /** An account of the given owner kind, seen from the caller. */
  private String accountFor(DemoUser user, Owner owner) {
    String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 8);
    switch (owner) {
      case SELF:
        return newAccount(user.userName());
      case TEAM_MATE:
        return newAccount("peer");
      case REPORT:
        return newAccount("rep");
      case STRANGER:
        return newAccount(stranger);
      case SHARED_READ:
        String read = newAccount(stranger);
        share(read, "USER", user.userName(), "READ");
        return read;
      case SHARED_WRITE:
        String write = newAccount(stranger);
        share(write, "USER", user.userName(), "WRITE");
        return write;
      default:
        String team = newAccount(stranger);
        share(team, "TEAM", TEAM, "READ");
        return team;
    }
  }

  private void setUpOrganisation() {
    ensureTeam(TEAM, DemoUser.SALES, DemoUser.MARKETING, DemoUser.VIEWER);
    String teamId = null;
    HttpResult teams = get(API + "/teams", DemoUser.ADMIN);
    // Add peer, who never logs in, as a member by name.
    for (String part : teams.body().split("\\{\"id\":\"")) {
      if (part.contains("\"name\":\"" + TEAM + "\"")) {
        teamId = part.substring(0, 36);
      }
    }
    HttpResult team = get(API + "/teams/" + teamId, DemoUser.ADMIN);
    String etag = team.headers().get("etag").get(0);
    HttpResult updated =
        request(
            "PUT",
            API + "/teams/" + teamId,
            DemoUser.ADMIN,
            "{\"name\":\"" + TEAM + "\",\"members\":[\"sales\",\"marketing\",\"viewer\",\"peer\"]}",
            "Content-Type",
            "application/json",
            "If-Match",
            etag);
    HttpResult manager =
        request(
            "PUT",
            API + "/users/rep/manager",
            DemoUser.ADMIN,
            "{\"manager\":\"manager\"}",
            "Content-Type",
            "application/json");
    if (updated.status() != 200 || manager.status() != 200) {
      throw new AssertionError("could not set up the organisation: " + updated + " " + manager);
    }
  }

  @Test
  public void everyRoleAndRecordOwnerGetsExactlyItsPermissionsOnEveryEndpoint() {
    awaitCrmReady();
    setUpOrganisation();
    int cells = 0;
    for (DemoUser user : DemoUser.values()) {
      for (Owner owner : Owner.values()) {
        String id = accountFor(user, owner);
        String path = API + "/accounts/" + id;
        String cell = "[" + owner + "] ";
        Access access = expectedAccess(user, owner);
        boolean reader = READERS.contains(user);

        HttpResult read = get(path, user);
        expect(user, cell + "GET /accounts/{id}", read, expectedStatus(reader, access, false, 200));
        if (read.status() == 200) {
          boolean shows = read.body().contains("\"open\"");
          if (shows != FINANCE.contains(user)) {
            wrong.add(
                user.userName()
                    + " "
                    + cell
                    + "GET /accounts/{id}: receivables "
                    + (shows ? "leaked" : "missing")
                    + " "
                    + read.body());
          }
        }
        HttpResult list = get(API + "/accounts?limit=200&sort=-createdAt", user);
        if (reader && list.body().contains(id) != (access != Access.NONE)) {
          wrong.add(
              user.userName()
                  + " "
                  + cell
                  + "GET /accounts: "
                  + (access == Access.NONE ? "lists a record outside its circle" : "misses one"));
        }
        expect(
            user,
            cell + "GET /accounts/{id}/contacts",
            get(path + "/contacts", user),
            expectedStatus(reader, access, false, 200));
        expect(
            user,
            cell + "GET /accounts/{id}/history",
            get(path + "/history", user),
            expectedStatus(reader, access, false, 200));
        expect(
            user,
            cell + "GET /accounts/{id}/shares",
            get(path + "/shares", user),
            expectedStatus(reader, access, false, 200));

        HttpResult before = get(path, DemoUser.ADMIN);
        String ownerName = before.body().replaceAll(".*\"owner\":\"([^\"]+)\".*", "$1");
        HttpResult updated =
            request(
                "PUT",
                path,
                user,
                "{\"name\":\"Changed\",\"owner\":\"" + ownerName + "\",\"stage\":\"PROSPECT\"}",
                "Content-Type",
                "application/json",
                "If-Match",
                "\"0\"");
        int updateExpected = expectedStatus(WRITERS.contains(user), access, true, 200);
        expect(user, cell + "PUT /accounts/{id}", updated, updateExpected);
        if (updateExpected != 200 && get(path, DemoUser.ADMIN).body().contains("\"Changed\"")) {
          wrong.add(user.userName() + " " + cell + "PUT /accounts/{id}: refused but changed");
        }
        String version = updated.status() == 200 ? "\"1\"" : "\"0\"";

        HttpResult contact = post(path + "/contacts", user, "{\"lastName\":\"Lovelace\"}");
        int contactExpected = expectedStatus(CONTACT_WRITERS.contains(user), access, true, 201);
        expect(user, cell + "POST /accounts/{id}/contacts", contact, contactExpected);
        if (contactExpected != 201
            && get(path + "/contacts", DemoUser.ADMIN).body().contains("Lovelace")) {
          wrong.add(user.userName() + " " + cell + "POST contacts: refused but added");
        }

        HttpResult shared =
            post(
                path + "/shares",
                user,
                "{\"principalType\":\"USER\",\"principal\":\"someone\",\"access\":\"READ\"}");
        expect(
            user,
            cell + "POST /accounts/{id}/shares",
            shared,
            expectedStatus(WRITERS.contains(user), access, true, 201));

        expect(
            user,
            cell + "GET /accounts/{id}/hierarchy",
            get(path + "/hierarchy", user),
            expectedStatus(reader, access, false, 200));
        expect(
            user,
            cell + "GET /accounts/{id}/hierarchy/rollup",
            get(path + "/hierarchy/rollup", user),
            expectedStatus(reader, access, false, 200));
        // Issue 4's account details follow the account like its contacts do.
        expect(
            user,
            cell + "GET /accounts/{id}/mechanisms",
            get(path + "/mechanisms", user),
            expectedStatus(reader, access, false, 200));
        expect(
            user,
            cell + "POST /accounts/{id}/mechanisms",
            post(
                path + "/mechanisms",
                user,
                "{\"kind\":\"WEB\",\"value\":\"https://matrix.example.com/"
                    + user.userName()
                    + "\"}"),
            expectedStatus(CONTACT_WRITERS.contains(user), access, true, 201));
        expect(
            user,
            cell + "POST /accounts/{id}/tags",
            post(path + "/tags", user, "{\"tag\":\"matrix-" + user.userName() + "\"}"),
            expectedStatus(CONTACT_WRITERS.contains(user), access, true, 200));
        expect(
            user,
            cell + "GET /accounts/{id}/timeline",
            get(path + "/timeline", user),
            expectedStatus(reader, access, false, 200));
        expect(
            user,
            cell + "POST /activities",
            post(
                API + "/activities",
                user,
                "{\"kind\":\"NOTE\",\"subject\":\"Matrix note\",\"accountId\":\"" + id + "\"}"),
            expectedStatus(CONTACT_WRITERS.contains(user), access, true, 201));

        // A service case owned by the account's owner is seen and worked exactly as the account.
        HttpResult opened =
            post(
                API + "/cases",
                DemoUser.ADMIN,
                "{\"accountId\":\""
                    + id
                    + "\",\"subject\":\"Matrix case\",\"channel\":\"PHONE\",\"owner\":\""
                    + ownerName
                    + "\"}");
        if (opened.status() != 201) {
          throw new AssertionError("could not open a case on " + id + ": " + opened);
        }
        String caseId = idOf(opened);
        expect(
            user,
            cell + "GET /cases/{id}",
            get(API + "/cases/" + caseId, user),
            expectedStatus(reader, access, false, 200));
        HttpResult cases = get(API + "/cases?accountId=" + id, user);
        if (reader && cases.body().contains(caseId) != (access != Access.NONE)) {
          wrong.add(
              user.userName()
                  + " "
                  + cell
                  + "GET /cases: "
                  + (access == Access.NONE ? "lists a case outside its circle" : "misses one"));
        }
        expect(
            user,
            cell + "POST /cases/{id}/comments",
            post(
                API + "/cases/" + caseId + "/comments", user, "{\"kind\":\"NOTE\",\"body\":\"m\"}"),
            expectedStatus(CASE_WRITERS.contains(user), access, true, 201));

        // The new parent is the caller's own account, so only the child's access decides.
        String parent = newAccount(user.userName());
        expect(
            user,
            cell + "PUT /accounts/{id}/hierarchy/parent",
            request(
                "PUT",
                path + "/hierarchy/parent",
                user,
                "{\"parentId\":\"" + parent + "\"}",
                "Content-Type",
                "application/json"),
            expectedStatus(WRITERS.contains(user), access, true, 200));

        HttpResult archived = request("POST", path + "/archive", user, null, "If-Match", version);
        expect(
            user,
            cell + "POST /accounts/{id}/archive",
            archived,
            expectedStatus(ARCHIVERS.contains(user), access, true, 200));
        cells++;
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

      String gone = newAccount(user.userName());
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
          "GET /audit?user=admin",
          get(API + "/audit?user=admin", user),
          200,
          user == DemoUser.ADMIN || user == DemoUser.MANAGER);
      expect(user, "GET /webhooks", get(API + "/webhooks", user), 200, user == DemoUser.ADMIN);
      expect(user, "GET /teams", get(API + "/teams", user), 200, READERS.contains(user));
      expect(user, "GET /users/rep", get(API + "/users/rep", user), 200, READERS.contains(user));
      HttpResult team =
          post(
              API + "/teams",
              user,
              "{\"name\":\"team of " + user.userName() + " " + UUID.randomUUID() + "\"}");
      expect(user, "POST /teams", team, 201, user == DemoUser.ADMIN);
      HttpResult reportsTo =
          request(
              "PUT",
              API + "/users/" + user.userName() + "/manager",
              user,
              "{\"manager\":\"somebody-else\"}",
              "Content-Type",
              "application/json");
      expect(user, "PUT /users/{user}/manager", reportsTo, 200, user == DemoUser.ADMIN);

      // Custom field definitions are read by every role and changed by crm-admin; search answers
      // every role (within its circle).
      expect(
          user,
          "GET /custom-fields",
          get(API + "/custom-fields", user),
          200,
          READERS.contains(user));
      HttpResult field =
          post(
              API + "/custom-fields",
              user,
              "{\"target\":\"ACCOUNT\",\"key\":\"mx_"
                  + user.userName()
                  + "_"
                  + UUID.randomUUID().toString().substring(0, 6)
                  + "\",\"label\":\"Matrix\",\"type\":\"TEXT\"}");
      expect(user, "POST /custom-fields", field, 201, user == DemoUser.ADMIN);
      expect(user, "GET /search", get(API + "/search?q=matrix", user), 200, READERS.contains(user));

      // GDPR: consent is read by every role and recorded by contact writers; export and erasure
      // are crm-admin's.
      String subjectAccount = newAccount(user.userName());
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
        "authorization matrix cells that differ ("
            + cells
            + " user × owner cells):\n  "
            + String.join("\n  ", wrong),
        wrong.isEmpty());
  }
}
