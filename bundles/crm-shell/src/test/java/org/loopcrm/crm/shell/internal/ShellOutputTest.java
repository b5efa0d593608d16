package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.access.Team;
import org.loopcrm.crm.api.access.UserProfile;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.account.Receivables;

class ShellOutputTest {
  private static final Account ACME =
      new Account(
          UUID.fromString("00000000-0000-0000-0000-000000000001"),
          "Acme Machining",
          "P-1",
          "sales",
          LifecycleStage.CUSTOMER,
          AccountStatus.ACTIVE,
          new Receivables(new BigDecimal("1250.5"), "EUR", 1, "INV-1", Instant.EPOCH),
          3,
          Instant.EPOCH,
          Instant.EPOCH);

  private static String capture(java.util.function.Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listIsATableWithTheNextCursor() {
    String out =
        capture(p -> AccountListCommand.print(new Page<>(List.of(ACME), Optional.of("abc")), p));
    assertThat(out)
        .contains("ID")
        .contains("Name")
        .contains("Acme Machining")
        .contains("1250.5 EUR");
    assertThat(out).contains("crm:account-list --cursor abc");
  }

  @Test
  void showHasFieldsAndContacts() {
    Contact ada =
        new Contact(
            UUID.randomUUID(),
            ACME.id(),
            "Ada",
            "Lovelace",
            "ada@x.example",
            null,
            "CTO",
            0,
            Instant.EPOCH,
            Instant.EPOCH);
    String out = capture(p -> AccountShowCommand.print(ACME, List.of(ada), p));
    assertThat(out).contains("P-1").contains("CUSTOMER").contains("Ada Lovelace").contains("CTO");
  }

  @Test
  void teamsAndProfilesPrintTheirMembersAndManager() {
    Team east =
        new Team(
            java.util.UUID.fromString("00000000-0000-0000-0000-0000000000e1"),
            "East",
            List.of("sales", "viewer"),
            2,
            java.time.Instant.EPOCH,
            java.time.Instant.EPOCH);
    String teams = capture(p -> TeamListCommand.print(List.of(east), p));
    assertThat(teams).contains("East").contains("sales, viewer").contains("Members");
    String profile =
        capture(
            p ->
                UserShowCommand.print(
                    new UserProfile("sales", "manager", List.of("East"), List.of()), p));
    assertThat(profile)
        .contains("Manager: manager")
        .contains("Teams:   East")
        .contains("Reports: -");
  }

  @Test
  void theTreeIndentsSubsidiariesUnderTheAccountAndPrintsTheTotals() {
    UUID root = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    UUID child = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    UUID grandchild = UUID.fromString("00000000-0000-0000-0000-0000000000a3");
    org.loopcrm.crm.api.relationship.Hierarchy h =
        new org.loopcrm.crm.api.relationship.Hierarchy(
            root,
            null,
            List.of(),
            false,
            List.of(
                new org.loopcrm.crm.api.relationship.HierarchyNode(
                    child, "Acme East", "sales", AccountStatus.ACTIVE, root, 1),
                new org.loopcrm.crm.api.relationship.HierarchyNode(
                    grandchild, "Acme Plant", "sales", AccountStatus.ARCHIVED, child, 2)),
            1);
    org.loopcrm.crm.api.relationship.RollUp r =
        new org.loopcrm.crm.api.relationship.RollUp(
            root, 3, 2, 4, java.util.Map.of("EUR", new BigDecimal("10.5")), 7L, 1);
    String out = capture(p -> AccountTreeCommand.print(h, r, p));
    assertThat(out)
        .contains("* " + root)
        .contains("  Acme East  (" + child + ")")
        .contains("    Acme Plant  (" + grandchild + ", archived)")
        .contains("1 subsidiaries you may not see")
        .contains(
            "Totals: 3 accounts (2 active), 4 contacts, open receivables {EUR=10.5}, 7 invoices");
  }

  @Test
  void shellUserRolesMapToCrmRoles() {
    Set<Principal> principals =
        Set.of(
            new UserPrincipal("karaf"),
            new RolePrincipal("admin"),
            new RolePrincipal("crm-viewer"));
    Actor a = ShellActors.of(principals);
    assertThat(a.user()).isEqualTo("karaf");
    assertThat(a.roles()).containsExactlyInAnyOrder(Role.CRM_ADMIN, Role.CRM_VIEWER);
    assertThat(a.channel()).isEqualTo(Actor.Channel.SHELL);
    assertThat(ShellActors.of(Set.of(new UserPrincipal("x"))).canRead()).isFalse();
  }

  @Test
  void erasureShowsTheOutcomeAndEveryHold() {
    UUID subject = UUID.randomUUID();
    org.loopcrm.crm.api.privacy.ErasureRequest refused =
        new org.loopcrm.crm.api.privacy.ErasureRequest(
            UUID.randomUUID(),
            subject,
            "admin",
            Actor.Channel.SHELL,
            Instant.EPOCH,
            org.loopcrm.crm.api.privacy.ErasureStatus.REFUSED,
            List.of(
                new org.loopcrm.crm.api.privacy.LegalHold(
                    org.loopcrm.crm.api.privacy.LegalHoldKind.OPEN_RECEIVABLES,
                    "open receivables of 10 EUR",
                    BigDecimal.TEN,
                    "EUR",
                    "crm")));
    String out = capture(p -> ErasureRequestCommand.print(refused, p));
    assertThat(out)
        .contains("REFUSED")
        .contains("OPEN_RECEIVABLES (crm): open receivables of 10 EUR");
  }

  @Test
  void subjectExportListsPersonConsentsAndAudit() {
    UUID subject = UUID.randomUUID();
    org.loopcrm.crm.api.privacy.SubjectExport x =
        new org.loopcrm.crm.api.privacy.SubjectExport(
            new org.loopcrm.crm.api.privacy.DataSubject(
                subject,
                "Ada",
                "Lovelace",
                "ada@x.example",
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                null),
            List.of(
                new org.loopcrm.crm.api.privacy.SubjectAccount(ACME.id(), "Acme", "P-1", "CTO")),
            List.of(),
            List.of(
                new org.loopcrm.crm.api.privacy.ConsentDecision(
                    UUID.randomUUID(),
                    subject,
                    "newsletter",
                    org.loopcrm.crm.api.privacy.ConsentChannel.EMAIL,
                    org.loopcrm.crm.api.privacy.ConsentStatus.GRANTED,
                    "web-form",
                    null,
                    "sales",
                    Actor.Channel.REST,
                    Instant.EPOCH)),
            List.of(
                new org.loopcrm.crm.api.audit.AuditEntry(
                    UUID.randomUUID(),
                    "contact",
                    subject,
                    org.loopcrm.crm.api.audit.AuditAction.EXPORT,
                    "admin",
                    Actor.Channel.SHELL,
                    Instant.EPOCH,
                    List.of())),
            List.of(),
            "admin",
            Instant.EPOCH);
    String out = capture(p -> SubjectExportCommand.print(x, p));
    assertThat(out)
        .contains("ada@x.example")
        .contains("P-1")
        .contains("newsletter")
        .contains("GRANTED")
        .contains("EXPORT");
  }
}
