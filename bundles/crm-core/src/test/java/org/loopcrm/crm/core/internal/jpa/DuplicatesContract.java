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
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.dedupe.ClusterMember;
import org.loopcrm.crm.api.dedupe.ClusterStatus;
import org.loopcrm.crm.api.dedupe.DuplicateCandidate;
import org.loopcrm.crm.api.dedupe.DuplicateCandidatesException;
import org.loopcrm.crm.api.dedupe.DuplicateCluster;
import org.loopcrm.crm.api.dedupe.DuplicateMode;
import org.loopcrm.crm.api.dedupe.DuplicateScan;
import org.loopcrm.crm.api.dedupe.ScanStatus;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PostalAddress;

/**
 * Duplicate detection on a real database: online checks within what the caller sees, warn and
 * block, scans that store clusters, and their review. Each subclass runs it on one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DuplicatesContract {
  static final Actor ADMIN = new Actor("dd-admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor SALES = new Actor("dd-sales", Set.of(Role.CRM_SALES), Actor.Channel.REST);
  static final Actor OTHER = new Actor("dd-other", Set.of(Role.CRM_SALES), Actor.Channel.REST);

  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaPartyService parties;
  private JpaAuditService audit;
  private JpaDuplicateService warn;
  private JpaDuplicateService block;
  private JpaDuplicateService strict;
  private JpaDuplicateService off;

  abstract DataSource newDatabase();

  @BeforeAll
  void open() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, Clock.systemUTC());
    parties = new JpaPartyService(emf, Clock.systemUTC(), AccessPolicy.privateAccess());
    audit = new JpaAuditService(emf);
    AccessPolicy p = AccessPolicy.privateAccess();
    warn = new JpaDuplicateService(emf, Clock.systemUTC(), p, new TestDedupeConfig("warn", true));
    block = new JpaDuplicateService(emf, Clock.systemUTC(), p, new TestDedupeConfig("block", true));
    strict =
        new JpaDuplicateService(emf, Clock.systemUTC(), p, new TestDedupeConfig("block", false));
    off = new JpaDuplicateService(emf, Clock.systemUTC(), p, new TestDedupeConfig("off", true));
  }

  @AfterAll
  void close() {
    emf.close();
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  private Account account(Actor owner, String name, String taxId, String city) {
    Account a =
        accounts.create(owner, new AccountDraft(name, null, taxId, null, LifecycleStage.PROSPECT));
    if (city != null) {
      parties.addMechanism(
          owner,
          PartyKey.account(a.id()),
          new ContactMechanismDraft(
              MechanismKind.POSTAL,
              null,
              null,
              null,
              new PostalAddress("Main St 1", city, "1000", null, "AT"),
              Set.of(MechanismPurpose.BILLING),
              null,
              null));
    }
    return a;
  }

  @Test
  void anAccountCheckFindsTaxIdAndNameMatchesAmongWhatTheCallerSees() {
    String u = unique();
    Account mine =
        account(SALES, "Brauerei Zwettler " + u + " GmbH", "ATU" + u.toUpperCase(), null);
    Account hidden = account(OTHER, "Brauerei Zwettler " + u, null, null);

    List<DuplicateCandidate> byTax =
        warn.checkAccount(
            SALES, new AccountDraft("Something Else", null, "atu " + u, null, null), null);
    assertThat(byTax)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo(mine.id());
              assertThat(c.kind()).isEqualTo("account");
              assertThat(c.accountId()).isEqualTo(mine.id());
              assertThat(c.rule()).isEqualTo("taxId");
              assertThat(c.score()).isEqualTo(1.0);
            });

    List<DuplicateCandidate> byName =
        warn.checkAccount(
            SALES, new AccountDraft("brauerei zwetler " + u + " gmbh", null, null, null), null);
    assertThat(byName).extracting(DuplicateCandidate::id).containsExactly(mine.id());
    assertThat(byName.get(0).rule()).isEqualTo("name");
    assertThat(byName.get(0).score()).isBetween(0.92, 1.0);
    // The admin sees both; the other user only its own; nobody learns of what it cannot read.
    assertThat(
            warn.checkAccount(
                ADMIN, new AccountDraft("Brauerei Zwettler " + u, null, null, null), null))
        .extracting(DuplicateCandidate::id)
        .containsExactlyInAnyOrder(mine.id(), hidden.id());
    assertThat(
            warn.checkAccount(
                SALES, new AccountDraft("Brauerei Zwettler " + u, null, null, null), mine.id()))
        .as("an update does not find the account itself")
        .isEmpty();
  }

  @Test
  void blockRefusesWithTheCandidatesUnlessOverriddenWhereAllowed() {
    String u = unique();
    Account a = account(SALES, "Kellerei Blum " + u, null, null);
    AccountDraft draft = new AccountDraft("Kellerei Blum " + u, null, null, null);

    assertThat(warn.screenAccount(SALES, draft, null, false))
        .extracting(DuplicateCandidate::id)
        .containsExactly(a.id());
    assertThatThrownBy(() -> block.screenAccount(SALES, draft, null, false))
        .isInstanceOfSatisfying(
            DuplicateCandidatesException.class,
            e -> {
              assertThat(e.candidates()).extracting(DuplicateCandidate::id).contains(a.id());
              assertThat(e.getMessage()).contains("duplicates=ignore");
            });
    assertThat(block.screenAccount(SALES, draft, null, true)).hasSize(1);
    assertThatThrownBy(() -> strict.screenAccount(SALES, draft, null, true))
        .isInstanceOf(DuplicateCandidatesException.class);
    assertThat(off.screenAccount(SALES, draft, null, false)).isEmpty();
    assertThat(
            block.screenAccount(
                SALES, new AccountDraft("Nothing Like " + u, null, null, null), null, false))
        .isEmpty();
    assertThat(block.settings().mode()).isEqualTo(DuplicateMode.BLOCK);
    assertThat(block.settings().rules())
        .containsExactly("email", "phone", "taxId", "erpRef", "name");
  }

  @Test
  void aContactCheckMatchesEmailPhoneAndNameInTheAccountsCity() {
    String u = unique();
    Account a = account(SALES, "Hotel Alpenblick " + u, null, "Innsbruck");
    Contact c =
        accounts.addContact(
            SALES,
            a.id(),
            new ContactDraft(
                "Theresa", "Hollerbach" + u, "t.holler" + u + "@example.com", null, null));
    parties.addMechanism(
        SALES,
        PartyKey.contact(a.id(), c.id()),
        new ContactMechanismDraft(
            MechanismKind.PHONE,
            "+43 512 123456",
            null,
            null,
            null,
            Set.of(MechanismPurpose.WORK),
            null,
            null));
    Account b = account(SALES, "Gasthof Post " + u, null, "innsbruck");

    assertThat(
            warn.checkContact(
                SALES,
                b.id(),
                new ContactDraft("X", "Y", "T.Holler" + u + "@EXAMPLE.com", null, null),
                null))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.id()).isEqualTo(c.id());
              assertThat(d.kind()).isEqualTo("contact");
              assertThat(d.accountId()).isEqualTo(a.id());
              assertThat(d.rule()).isEqualTo("email");
            });
    assertThat(
            warn.checkContact(
                SALES, b.id(), new ContactDraft("Z", "Q", null, "0043 512 123456", null), null))
        .extracting(DuplicateCandidate::rule)
        .containsExactly("phone");
    assertThat(
            warn.checkContact(
                SALES,
                b.id(),
                new ContactDraft("Hollerbach" + u, "Theresa", null, null, null),
                null))
        .extracting(DuplicateCandidate::id, DuplicateCandidate::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(c.id(), "name"));
    assertThat(
            warn.checkContact(
                OTHER,
                account(OTHER, "Elsewhere " + u, null, "Innsbruck").id(),
                new ContactDraft("Theresa", "Hollerbach" + u, null, null, null),
                null))
        .as("another user's contact stays hidden")
        .isEmpty();
  }

  @Test
  void aScanStoresClustersThatCanBeDismissedForGoodOrMarkedMerged() {
    String u = unique();
    Account a1 = account(SALES, "Tischlerei Moser " + u, null, "Linz");
    Account a2 = account(OTHER, "Tischlerei Mosr " + u + " GmbH", null, "LINZ");
    Account b1 = account(SALES, "Bäckerei Huber " + u, "ATB" + u, null);
    Account b2 = account(SALES, "Huber Backwaren " + u, "atb-" + u, null);

    DuplicateScan scan = warn.startScan(ADMIN);
    assertThat(scan.status()).isEqualTo(ScanStatus.DONE);
    assertThat(scan.startedBy()).isEqualTo("dd-admin");
    assertThat(scan.records()).isGreaterThanOrEqualTo(4);
    assertThat(scan.clusters()).isGreaterThanOrEqualTo(2);
    assertThat(warn.latestScan(ADMIN)).contains(warn.scan(ADMIN, scan.id()));

    DuplicateCluster moser = clusterOf(a1.id());
    assertThat(moser.members())
        .extracting(ClusterMember::id)
        .containsExactlyInAnyOrder(a1.id(), a2.id());
    assertThat(moser.kind()).isEqualTo("account");
    assertThat(moser.status()).isEqualTo(ClusterStatus.OPEN);
    assertThat(moser.scanId()).isEqualTo(scan.id());
    assertThat(moser.members()).allSatisfy(m -> assertThat(m.rule()).isEqualTo("name"));
    DuplicateCluster huber = clusterOf(b1.id());
    assertThat(huber.members()).extracting(ClusterMember::rule).containsOnly("taxId");

    assertThatThrownBy(() -> warn.dismiss(ADMIN, moser.id(), moser.version() + 1))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(() -> warn.dismiss(SALES, moser.id(), moser.version()))
        .isInstanceOf(AccessDeniedException.class);
    DuplicateCluster dismissed = warn.dismiss(ADMIN, moser.id(), moser.version());
    assertThat(dismissed.status()).isEqualTo(ClusterStatus.DISMISSED);
    assertThat(dismissed.reviewedBy()).isEqualTo("dd-admin");
    assertThat(dismissed.reviewedAt()).isNotNull();
    assertThatThrownBy(() -> warn.dismiss(ADMIN, moser.id(), dismissed.version()))
        .isInstanceOf(ConflictException.class);
    assertThat(
            audit
                .history(
                    ADMIN,
                    new AuditQuery("duplicate-cluster", moser.id(), null, null, null, 10, null))
                .items())
        .isNotEmpty();

    DuplicateCluster merged = warn.markMerged(ADMIN, huber.id(), huber.version());
    assertThat(merged.status()).isEqualTo(ClusterStatus.MERGED);

    DuplicateScan again = warn.startScan(ADMIN);
    assertThat(again.status()).isEqualTo(ScanStatus.DONE);
    List<DuplicateCluster> open = warn.clusters(ADMIN, ClusterStatus.OPEN, 500);
    assertThat(open)
        .as("the dismissed pair does not come back")
        .noneMatch(c -> ids(c).contains(a1.id()) && ids(c).contains(a2.id()));
    assertThat(warn.clusters(ADMIN, ClusterStatus.DISMISSED, 500))
        .extracting(DuplicateCluster::id)
        .contains(moser.id());
    assertThat(warn.cluster(ADMIN, huber.id()).status()).isEqualTo(ClusterStatus.MERGED);
    assertThatThrownBy(() -> warn.clusters(SALES, null, 10))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> warn.startScan(SALES)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> warn.clusters(ADMIN, null, 0))
        .isInstanceOf(org.loopcrm.crm.api.ValidationException.class);
  }

  @Test
  void aScanClustersContactsAcrossAccounts() {
    String u = unique();
    Account a = account(ADMIN, "Weingut Nora " + u, null, "Krems");
    Account b = account(ADMIN, "Weinbau Nora " + u, null, "Krems");
    Contact c1 =
        accounts.addContact(
            ADMIN,
            a.id(),
            new ContactDraft("Ingrid", "Lechner" + u, "ingrid" + u + "@x.test", null, null));
    Contact c2 =
        accounts.addContact(
            ADMIN,
            b.id(),
            new ContactDraft(
                "Ingrid",
                "Lechner" + u,
                null,
                "+43 2732 55" + u.replaceAll("[^0-9]", "1").substring(0, 3),
                null));
    warn.startScan(ADMIN);
    DuplicateCluster c = clusterOf(c1.id());
    assertThat(c.kind()).isEqualTo("contact");
    assertThat(c.members())
        .extracting(ClusterMember::id, ClusterMember::accountId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(c1.id(), a.id()),
            org.assertj.core.groups.Tuple.tuple(c2.id(), b.id()));
  }

  private DuplicateCluster clusterOf(UUID member) {
    return warn.clusters(ADMIN, ClusterStatus.OPEN, 500).stream()
        .filter(c -> ids(c).contains(member))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open cluster has " + member));
  }

  private static List<UUID> ids(DuplicateCluster c) {
    return c.members().stream().map(ClusterMember::id).toList();
  }
}
