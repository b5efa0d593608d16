package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.access.PrincipalType;
import org.loopcrm.crm.api.access.RecordAccess;
import org.loopcrm.crm.api.access.Share;
import org.loopcrm.crm.api.access.Team;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountSort;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;

/**
 * Record-level access on a real database: owner, team, manager hierarchy and shares decide who
 * reads and who changes an account, its contacts and its history, in every service call, and the
 * organisation-wide default opens it up. Every test works with its own user names, so they do not
 * see each other's teams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecordAccessContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor ROUTE = Actor.system("erp");

  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaAccessService access;
  private JpaAuditService audit;
  private JpaAccountService publicReadAccounts;
  private JpaAccountService openAccounts;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    Clock clock = Clock.systemUTC();
    AccessPolicy strict = AccessPolicy.privateAccess();
    accounts =
        new JpaAccountService(
            emf, clock, new org.loopcrm.crm.core.internal.plugin.PluginPipeline(), strict);
    access = new JpaAccessService(emf, clock, strict);
    audit = new JpaAuditService(emf, strict);
    publicReadAccounts =
        new JpaAccountService(
            emf,
            clock,
            new org.loopcrm.crm.core.internal.plugin.PluginPipeline(),
            new AccessPolicy(AccessPolicy.Mode.PUBLIC_READ));
    openAccounts =
        new JpaAccountService(
            emf,
            clock,
            new org.loopcrm.crm.core.internal.plugin.PluginPipeline(),
            new AccessPolicy(AccessPolicy.Mode.PUBLIC_READ_WRITE));
  }

  @AfterAll
  void closeDatabase() {
    emf.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Actor sales(String user) {
    return new Actor(user, Set.of(Role.CRM_SALES), Actor.Channel.REST);
  }

  private Account ownedBy(String owner) {
    return accounts.create(ADMIN, new AccountDraft(unique("Acc " + owner), null, owner, null));
  }

  private List<UUID> visibleIds(JpaAccountService service, Actor actor) {
    return service
        .list(actor, new AccountQuery(null, null, true, AccountSort.NAME_ASC, 200, null))
        .items()
        .stream()
        .map(Account::id)
        .toList();
  }

  private static AccountDraft renamed(Account a) {
    return new AccountDraft(a.name() + " changed", a.erpRef(), a.owner(), a.stage());
  }

  @Test
  void anOwnerSeesAndChangesItsAccountAStrangerFindsNothing() {
    Actor owner = sales(unique("owner"));
    Actor stranger = sales(unique("stranger"));
    Account a = ownedBy(owner.user());
    accounts.addContact(owner, a.id(), new ContactDraft("Ada", "Lovelace", null, null, null));

    assertThat(accounts.get(owner, a.id()).id()).isEqualTo(a.id());
    assertThat(visibleIds(accounts, owner)).contains(a.id());
    assertThat(accounts.update(owner, a.id(), 0, renamed(a)).version()).isEqualTo(1);

    assertThat(visibleIds(accounts, stranger)).doesNotContain(a.id());
    assertThatThrownBy(() -> accounts.get(stranger, a.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> accounts.update(stranger, a.id(), 1, renamed(a)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> accounts.archive(stranger, a.id(), 1))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> accounts.contacts(stranger, a.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                accounts.addContact(
                    stranger, a.id(), new ContactDraft("Eve", "Intruder", null, null, null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> audit.history(stranger, AuditQuery.ofRecord("account", a.id(), 10)))
        .isInstanceOf(NotFoundException.class);
    UUID contactId = accounts.contacts(owner, a.id()).get(0).id();
    assertThatThrownBy(() -> audit.history(stranger, AuditQuery.ofRecord("contact", contactId, 10)))
        .isInstanceOf(NotFoundException.class);
    assertThat(audit.history(owner, AuditQuery.ofRecord("contact", contactId, 10)).items())
        .hasSize(1);
    assertThat(accounts.get(owner, a.id()).name()).endsWith("changed");
    assertThat(accounts.contacts(owner, a.id())).hasSize(1);
  }

  @Test
  void adminsAndIntegrationRoutesSeeEverything() {
    Account a = ownedBy(unique("someone"));
    assertThat(visibleIds(accounts, ADMIN)).contains(a.id());
    assertThat(visibleIds(accounts, ROUTE)).contains(a.id());
    assertThat(accounts.update(ROUTE, a.id(), 0, renamed(a)).version()).isEqualTo(1);
  }

  @Test
  void teamMatesReadAndChangeEachOthersAccounts() {
    String alice = unique("alice");
    String bob = unique("bob");
    Actor carol = sales(unique("carol"));
    Account a = ownedBy(alice);
    Team team = access.createTeam(ADMIN, unique("East"), List.of(alice, bob));
    assertThat(team.members()).containsExactlyInAnyOrder(alice, bob);

    assertThat(visibleIds(accounts, sales(bob))).contains(a.id());
    Account changed = accounts.update(sales(bob), a.id(), 0, renamed(a));
    assertThat(visibleIds(accounts, carol)).doesNotContain(a.id());

    Team moved = access.updateTeam(ADMIN, team.id(), team.version(), team.name(), List.of(alice));
    assertThat(moved.version()).isGreaterThan(team.version());
    assertThatThrownBy(() -> accounts.get(sales(bob), a.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> access.updateTeam(ADMIN, team.id(), team.version(), team.name(), List.of()))
        .isInstanceOf(StaleVersionException.class);
    assertThat(access.profile(ADMIN, alice).teams()).containsExactly(team.name());
    assertThat(changed.version()).isEqualTo(1);
  }

  @Test
  void aViewerInTheTeamReadsButItsRoleStillForbidsWrites() {
    String owner = unique("owner");
    Actor viewer = new Actor(unique("viewer"), Set.of(Role.CRM_VIEWER), Actor.Channel.REST);
    Account a = ownedBy(owner);
    access.createTeam(ADMIN, unique("Viewers"), List.of(owner, viewer.user()));
    assertThat(accounts.get(viewer, a.id()).id()).isEqualTo(a.id());
    assertThatThrownBy(() -> accounts.update(viewer, a.id(), 0, renamed(a)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void managersSeeTheirReportsAccountsAllTheWayDownButNotUp() {
    Actor rep = sales(unique("rep"));
    Actor lead = sales(unique("lead"));
    Actor director = new Actor(unique("director"), Set.of(Role.CRM_MANAGER), Actor.Channel.REST);
    access.setManager(ADMIN, rep.user(), lead.user());
    access.setManager(ADMIN, lead.user(), director.user());
    Account repsAccount = ownedBy(rep.user());
    Account leadsAccount = ownedBy(lead.user());

    assertThat(visibleIds(accounts, director)).contains(repsAccount.id(), leadsAccount.id());
    assertThat(visibleIds(accounts, lead)).contains(repsAccount.id(), leadsAccount.id());
    assertThat(visibleIds(accounts, rep))
        .contains(repsAccount.id())
        .doesNotContain(leadsAccount.id());
    assertThat(accounts.update(director, repsAccount.id(), 0, renamed(repsAccount)).version())
        .isEqualTo(1);
    assertThat(access.profile(rep, lead.user()).reports()).containsExactly(rep.user());
    assertThat(access.profile(rep, lead.user()).manager()).isEqualTo(director.user());

    assertThatThrownBy(() -> access.setManager(ADMIN, director.user(), rep.user()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("reports to");
    assertThatThrownBy(() -> access.setManager(ADMIN, rep.user(), rep.user()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> access.setManager(lead, rep.user(), null))
        .isInstanceOf(AccessDeniedException.class);

    access.setManager(ADMIN, rep.user(), null);
    assertThatThrownBy(() -> accounts.get(director, repsAccount.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void sharesOpenOneAccountReadOrWriteAndAreAudited() {
    Actor owner = sales(unique("owner"));
    Actor guest = sales(unique("guest"));
    Account a = ownedBy(owner.user());
    Account other = ownedBy(owner.user());

    Share read =
        access.share(owner, "account", a.id(), PrincipalType.USER, guest.user(), RecordAccess.READ);
    assertThat(access.access(guest, "account", a.id())).isEqualTo(RecordAccess.READ);
    assertThat(visibleIds(accounts, guest)).contains(a.id()).doesNotContain(other.id());
    assertThat(accounts.contacts(guest, a.id())).isEmpty();
    assertThatThrownBy(() -> accounts.update(guest, a.id(), 0, renamed(a)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may read");
    assertThatThrownBy(
            () ->
                access.share(
                    guest, "account", a.id(), PrincipalType.USER, "friend", RecordAccess.WRITE))
        .isInstanceOf(AccessDeniedException.class);

    Share write =
        access.share(
            owner, "account", a.id(), PrincipalType.USER, guest.user(), RecordAccess.WRITE);
    assertThat(write.id()).isEqualTo(read.id());
    assertThat(accounts.update(guest, a.id(), 0, renamed(a)).version()).isEqualTo(1);
    assertThat(access.shares(owner, "account", a.id()))
        .extracting(Share::principal, Share::access)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(guest.user(), RecordAccess.WRITE));

    access.unshare(owner, "account", a.id(), write.id());
    assertThatThrownBy(() -> accounts.get(guest, a.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> access.unshare(owner, "account", a.id(), write.id()))
        .isInstanceOf(NotFoundException.class);

    List<AuditEntry> history =
        audit.history(owner, AuditQuery.ofRecord("account", a.id(), 20)).items();
    assertThat(history)
        .flatExtracting(AuditEntry::changes)
        .extracting(c -> c.field() + " " + c.oldValue() + "->" + c.newValue())
        .contains(
            "share:user:" + guest.user() + " null->READ",
            "share:user:" + guest.user() + " READ->WRITE",
            "share:user:" + guest.user() + " WRITE->null");
  }

  @Test
  void aShareToATeamReachesItsMembersAndGoesWithTheTeam() {
    Actor owner = sales(unique("owner"));
    Actor member = sales(unique("member"));
    Account a = ownedBy(owner.user());
    Team team = access.createTeam(ADMIN, unique("Service desk"), List.of(member.user()));
    access.share(owner, "account", a.id(), PrincipalType.TEAM, team.name(), RecordAccess.READ);
    assertThat(visibleIds(accounts, member)).contains(a.id());
    assertThat(access.shares(member, "account", a.id()).get(0).principal()).isEqualTo(team.name());

    access.deleteTeam(ADMIN, team.id(), team.version());
    assertThatThrownBy(() -> accounts.get(member, a.id())).isInstanceOf(NotFoundException.class);
    assertThat(access.shares(owner, "account", a.id())).isEmpty();
  }

  @Test
  void badTeamsAndSharesAreRefused() {
    String name = unique("Dup");
    access.createTeam(ADMIN, name, List.of());
    assertThatThrownBy(() -> access.createTeam(ADMIN, name, List.of()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> access.createTeam(ADMIN, " ", List.of("ok", "not a user!")))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("name", "members[1]"));
    assertThatThrownBy(() -> access.createTeam(sales("s"), unique("T"), List.of()))
        .isInstanceOf(AccessDeniedException.class);
    Actor owner = sales(unique("owner"));
    Account a = ownedBy(owner.user());
    assertThatThrownBy(
            () ->
                access.share(
                    owner,
                    "account",
                    a.id(),
                    PrincipalType.TEAM,
                    "no such team",
                    RecordAccess.READ))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                access.share(owner, "account", a.id(), PrincipalType.USER, "x", RecordAccess.NONE))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                access.share(owner, "invoice", a.id(), PrincipalType.USER, "x", RecordAccess.READ))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void theOrganisationWideDefaultOpensAccountsUp() {
    Actor owner = sales(unique("owner"));
    Actor anyone = sales(unique("anyone"));
    Account a = ownedBy(owner.user());

    assertThat(visibleIds(publicReadAccounts, anyone)).contains(a.id());
    assertThat(publicReadAccounts.get(anyone, a.id()).id()).isEqualTo(a.id());
    assertThatThrownBy(() -> publicReadAccounts.update(anyone, a.id(), 0, renamed(a)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(openAccounts.update(anyone, a.id(), 0, renamed(a)).version()).isEqualTo(1);
    assertThat(AccessPolicy.parse("public-read")).isEqualTo(AccessPolicy.Mode.PUBLIC_READ);
    assertThat(AccessPolicy.parse("everyone")).isEqualTo(AccessPolicy.Mode.PRIVATE);
  }
}
