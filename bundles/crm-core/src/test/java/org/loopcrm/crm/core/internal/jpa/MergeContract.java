package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManager;
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
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.ActivityDraft;
import org.loopcrm.crm.api.activity.ActivityKind;
import org.loopcrm.crm.api.activity.Participant;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.merge.Merge;
import org.loopcrm.crm.api.merge.MergeParty;
import org.loopcrm.crm.api.merge.MergeRequest;
import org.loopcrm.crm.api.merge.MergeStatus;
import org.loopcrm.crm.api.merge.PartyKind;
import org.loopcrm.crm.api.merge.PartyMergedException;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.ExternalRef;
import org.loopcrm.crm.api.party.ExternalRefDraft;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PartyRole;
import org.loopcrm.crm.api.party.PartyRoleDraft;
import org.loopcrm.crm.api.party.RoleType;
import org.loopcrm.crm.api.plugin.Operation;
import org.loopcrm.crm.api.plugin.PluginVetoException;
import org.loopcrm.crm.api.plugin.RecordPlugin;
import org.loopcrm.crm.api.plugin.Stage;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentDecision;
import org.loopcrm.crm.api.privacy.ConsentDraft;
import org.loopcrm.crm.api.privacy.ConsentStatus;
import org.loopcrm.crm.api.relationship.Relationship;
import org.loopcrm.crm.api.relationship.RelationshipType;
import org.loopcrm.crm.core.internal.plugin.PluginPipeline;

/**
 * Merging accounts and contacts on a real database: every child is re-linked, the losers' ids
 * answer with the survivor, and undo brings back exactly the prior rows. Each subclass runs it on
 * one database product.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MergeContract {
  static final Actor ADMIN = new Actor("mg-admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor MANAGER =
      new Actor("mg-manager", Set.of(Role.CRM_MANAGER), Actor.Channel.REST);
  static final Actor SALES = new Actor("mg-sales", Set.of(Role.CRM_SALES), Actor.Channel.REST);
  static final Actor OUTSIDER =
      new Actor("mg-outsider", Set.of(Role.CRM_MANAGER), Actor.Channel.REST);

  /**
   * The tables a merge touches, and the columns that legitimately differ after merge and undo (the
   * parties' versions and change times move forward).
   */
  private static final Map<String, Set<String>> TABLES =
      Map.ofEntries(
          Map.entry("crm_party", Set.of("version", "updated_at")),
          Map.entry("crm_organization", Set.of()),
          Map.entry("crm_person", Set.of()),
          Map.entry("crm_party_relationship", Set.of()),
          Map.entry("crm_contact_mechanism", Set.of()),
          Map.entry("crm_party_role", Set.of()),
          Map.entry("crm_external_ref", Set.of()),
          Map.entry("crm_party_tag", Set.of()),
          Map.entry("crm_consent_decision", Set.of()),
          Map.entry("crm_record_share", Set.of()),
          Map.entry("crm_activity", Set.of()),
          Map.entry("crm_activity_participant", Set.of()));

  private DataSource ds;
  private EntityManagerFactory emf;
  private final PluginPipeline plugins = new PluginPipeline();
  private JpaAccountService accounts;
  private JpaPartyService parties;
  private JpaActivityService activities;
  private JpaRelationshipService relationships;
  private JpaPrivacyService privacy;
  private JpaAccessService access;
  private JpaAuditService audit;
  private JpaMergeService merges;
  private int names;

  abstract DataSource newDatabase();

  @BeforeAll
  void open() {
    ds = newDatabase();
    emf = TestDatabases.open(ds);
    Clock clock = Clock.systemUTC();
    AccessPolicy policy = AccessPolicy.privateAccess();
    accounts = new JpaAccountService(emf, clock, plugins, policy);
    parties = new JpaPartyService(emf, clock, policy);
    activities = new JpaActivityService(emf, clock, policy);
    relationships = new JpaRelationshipService(emf, clock, policy);
    privacy = new JpaPrivacyService(emf, clock, policy);
    access = new JpaAccessService(emf, clock, policy);
    audit = new JpaAuditService(emf, policy);
    merges = new JpaMergeService(emf, clock, plugins, policy);
    access.createTeam(ADMIN, "merge", List.of("mg-manager", "mg-sales"));
  }

  @AfterAll
  void close() {
    emf.close();
  }

  @Test
  void mergingAccountsRelinksEveryChildAndUndoBringsBackTheExactPriorState() {
    Account s = newAccount("Acme");
    Account l1 =
        accounts.create(
            SALES,
            new AccountDraft(
                unique("ACME Corp"),
                "ERP-" + UUID.randomUUID().toString().substring(0, 8),
                null,
                null));
    Account l2 = newAccount("Acme dup");
    Account partner = newAccount("Partner");
    Account child = newAccount("Child");
    Contact ann =
        accounts.addContact(SALES, s.id(), new ContactDraft("Ann", "A", null, null, null));
    Contact bob =
        accounts.addContact(SALES, l1.id(), new ContactDraft("Bob", "B", null, null, null));
    PartyKey sk = PartyKey.account(s.id());
    PartyKey l1k = PartyKey.account(l1.id());
    email(sk, "info@acme.example", MechanismPurpose.PRIMARY);
    ContactMechanism twin = email(l1k, "info@acme.example", MechanismPurpose.WORK);
    ContactMechanism demoted = email(l1k, "sales@acme.example", MechanismPurpose.PRIMARY);
    parties.addRole(SALES, sk, new PartyRoleDraft(RoleType.CUSTOMER, null, null));
    parties.addRole(SALES, l1k, new PartyRoleDraft(RoleType.CUSTOMER, null, null));
    parties.addRole(SALES, l1k, new PartyRoleDraft(RoleType.PARTNER, null, null));
    ExternalRef ref = parties.addExternalRef(SALES, l1k, new ExternalRefDraft("shop", unique("C")));
    parties.addTag(SALES, sk, "vip");
    parties.addTag(SALES, l1k, "vip");
    parties.addTag(SALES, l1k, "berlin");
    relationships.relate(SALES, s.id(), RelationshipType.PARTNER_OF, partner.id(), null);
    relationships.relate(SALES, l1.id(), RelationshipType.PARTNER_OF, partner.id(), null);
    relationships.setParent(SALES, child.id(), l1.id());
    relationships.setParent(SALES, l2.id(), l1.id());
    Activity call =
        activities.create(
            SALES,
            new ActivityDraft(
                ActivityKind.CALL,
                null,
                null,
                "Call Bob",
                null,
                Instant.now(),
                null,
                l1.id(),
                bob.id(),
                List.of(Participant.contact(bob.id())),
                null,
                null,
                null));
    access.share(ADMIN, "account", l1.id(), PrincipalType.USER, "mg-viewer", RecordAccess.READ);
    l1 = accounts.get(SALES, l1.id());
    l2 = accounts.get(SALES, l2.id());
    s = accounts.get(SALES, s.id());
    Map<String, List<Map<String, Object>>> prior = snapshot();

    Merge m =
        merges.merge(
            MANAGER,
            new MergeRequest(
                PartyKind.ACCOUNT,
                new MergeParty(s.id(), s.version()),
                List.of(
                    new MergeParty(l1.id(), l1.version()), new MergeParty(l2.id(), l2.version())),
                Map.of("name", l1.id())));

    assertThat(m.status()).isEqualTo(MergeStatus.MERGED);
    assertThat(m.loserIds()).containsExactly(l1.id(), l2.id());
    assertThat(m.moved()).containsKeys("crm_party_tag", "crm_contact_mechanism", "crm_activity");
    assertThat(m.notes()).anyMatch(n -> n.contains("demoted"));
    assertThat(m.notes()).anyMatch(n -> n.contains(twin.id().toString()));
    Account merged = accounts.get(SALES, s.id());
    assertThat(merged.name()).isEqualTo(l1.name());
    assertThat(merged.erpRef())
        .as("empty on the survivor: taken from a loser")
        .isEqualTo(l1.erpRef());
    assertThat(merged.version()).isEqualTo(s.version() + 1);
    UUID l1Id = l1.id();
    assertThatThrownBy(() -> accounts.get(SALES, l1Id))
        .isInstanceOf(PartyMergedException.class)
        .hasMessageContaining("merged into account " + s.id())
        .satisfies(e -> assertThat(((PartyMergedException) e).survivorId()).isEqualTo(merged.id()));
    assertThat(accounts.list(ADMIN, new AccountQuery(null, null, true, null, 200, null)).items())
        .extracting(Account::id)
        .contains(s.id())
        .doesNotContain(l1.id(), l2.id());
    assertThat(accounts.contacts(SALES, s.id()))
        .extracting(Contact::id)
        .containsExactlyInAnyOrder(ann.id(), bob.id());
    List<ContactMechanism> mechs = parties.mechanisms(SALES, sk);
    assertThat(mechs)
        .extracting(ContactMechanism::value)
        .containsExactlyInAnyOrder("info@acme.example", "sales@acme.example");
    assertThat(
            mechs.stream()
                .filter(x -> x.id().equals(demoted.id()))
                .findFirst()
                .orElseThrow()
                .purposes())
        .doesNotContain(MechanismPurpose.PRIMARY);
    assertThat(parties.roles(SALES, sk))
        .extracting(PartyRole::role)
        .containsExactlyInAnyOrder(RoleType.CUSTOMER, RoleType.PARTNER);
    assertThat(parties.externalRefs(SALES, sk))
        .extracting(ExternalRef::id)
        .containsExactly(ref.id());
    assertThat(parties.tags(SALES, sk)).containsExactlyInAnyOrder("berlin", "vip");
    assertThat(relationships.relationships(SALES, s.id(), false))
        .filteredOn(r -> r.type() == RelationshipType.PARTNER_OF)
        .hasSize(1);
    assertThat(relationships.relationships(SALES, child.id(), false))
        .filteredOn(r -> r.type() == RelationshipType.SUBSIDIARY_OF)
        .extracting(Relationship::toPartyId)
        .containsExactly(s.id());
    assertThat(activities.get(SALES, call.id()).accountId()).isEqualTo(s.id());
    assertThat(access.shares(ADMIN, "account", s.id()))
        .extracting(x -> x.principal())
        .contains("mg-viewer");
    assertThat(history("account", s.id()))
        .extracting(AuditEntry::action)
        .contains(AuditAction.MERGE);
    List<AuditEntry> loserHistory = history("account", l1.id());
    assertThat(loserHistory.get(0).action()).isEqualTo(AuditAction.MERGE);
    assertThat(loserHistory.get(0).changes())
        .anyMatch(
            c -> c.field().equals("mergedInto") && merged.id().toString().equals(c.newValue()));
    assertThat(events("account.merged", s.id())).isEqualTo(1);
    assertThat(merges.get(SALES, m.id())).isEqualTo(m);
    assertThat(merges.ofParty(SALES, l1.id())).extracting(Merge::id).containsExactly(m.id());

    Merge undone = merges.undo(ADMIN, m.id());

    assertThat(undone.status()).isEqualTo(MergeStatus.UNDONE);
    assertThat(undone.undoneBy()).isEqualTo("mg-admin");
    assertThat(snapshot()).isEqualTo(prior);
    assertThat(accounts.get(SALES, l1.id()).name()).isEqualTo(l1.name());
    assertThat(accounts.get(SALES, s.id()).name()).isEqualTo(s.name());
    assertThat(accounts.contacts(SALES, l1.id())).extracting(Contact::id).containsExactly(bob.id());
    assertThat(history("account", l2.id()).get(0).action()).isEqualTo(AuditAction.UNMERGE);
    assertThat(events("account.unmerged", s.id())).isEqualTo(1);
    assertThatThrownBy(() -> merges.undo(ADMIN, m.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("undone already");
  }

  @Test
  void mergingContactsMovesConsentsActivitiesAndContactLinksAndUndoes() {
    Account a = newAccount("Contact home A");
    Account b = newAccount("Contact home B");
    Contact c1 =
        accounts.addContact(
            SALES, a.id(), new ContactDraft("Eva", "Ernst", null, "+49 30 1", null));
    Contact c2 =
        accounts.addContact(
            SALES, b.id(), new ContactDraft("Eva", "Ernst-Meyer", "eva@example.org", null, null));
    ConsentDecision consent =
        privacy.recordConsent(
            SALES,
            c2.id(),
            new ConsentDraft(
                "newsletter", ConsentChannel.EMAIL, ConsentStatus.GRANTED, "form", null));
    ContactMechanism mail =
        email(PartyKey.contact(b.id(), c2.id()), "eva@example.org", MechanismPurpose.PRIMARY);
    Activity meeting =
        activities.create(
            SALES,
            new ActivityDraft(
                ActivityKind.MEETING,
                null,
                null,
                "Meet Eva",
                null,
                Instant.now(),
                null,
                b.id(),
                c2.id(),
                List.of(Participant.contact(c2.id())),
                null,
                null,
                null));
    Map<String, List<Map<String, Object>>> prior = snapshot();

    Merge m =
        merges.merge(
            ADMIN,
            new MergeRequest(
                PartyKind.CONTACT,
                new MergeParty(c1.id(), c1.version()),
                List.of(new MergeParty(c2.id(), c2.version())),
                Map.of("lastName", c2.id())));

    Contact merged = accounts.contact(SALES, a.id(), c1.id());
    assertThat(merged.lastName()).isEqualTo("Ernst-Meyer");
    assertThat(merged.email())
        .as("empty on the survivor: taken from the loser")
        .isEqualTo("eva@example.org");
    assertThat(merged.phone()).isEqualTo(c1.phone());
    assertThat(accounts.contacts(SALES, b.id())).extracting(Contact::id).containsExactly(c1.id());
    assertThatThrownBy(() -> accounts.contact(SALES, b.id(), c2.id()))
        .isInstanceOf(PartyMergedException.class)
        .hasMessageContaining("merged into contact " + c1.id());
    assertThat(privacy.consents(SALES, c1.id()))
        .extracting(ConsentDecision::id)
        .contains(consent.id());
    assertThat(parties.mechanisms(SALES, PartyKey.contact(a.id(), c1.id())))
        .extracting(ContactMechanism::id)
        .containsExactly(mail.id());
    Activity moved = activities.get(SALES, meeting.id());
    assertThat(moved.contactId()).isEqualTo(c1.id());
    assertThat(moved.participants()).extracting(Participant::contactId).containsExactly(c1.id());
    assertThat(history("contact", c2.id()).get(0).action()).isEqualTo(AuditAction.MERGE);
    assertThat(events("contact.merged", c1.id())).isEqualTo(1);

    merges.undo(MANAGER, m.id());
    assertThat(snapshot()).isEqualTo(prior);
    assertThat(accounts.contact(SALES, b.id(), c2.id()).lastName()).isEqualTo("Ernst-Meyer");
  }

  @Test
  void refusesNonsense() {
    Account s = newAccount("Refuse S");
    Account l = newAccount("Refuse L");
    Contact c = accounts.addContact(SALES, s.id(), new ContactDraft("C", "C", null, null, null));
    MergeParty sp = new MergeParty(s.id(), s.version());
    MergeParty lp = new MergeParty(l.id(), l.version());
    assertThatThrownBy(
            () ->
                merges.merge(ADMIN, new MergeRequest(PartyKind.ACCOUNT, sp, List.of(sp), Map.of())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("itself");
    assertThatThrownBy(
            () -> merges.merge(ADMIN, new MergeRequest(PartyKind.ACCOUNT, sp, List.of(), Map.of())))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                merges.merge(
                    ADMIN,
                    new MergeRequest(PartyKind.ACCOUNT, sp, List.of(lp), Map.of("email", l.id()))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                merges.merge(
                    ADMIN,
                    new MergeRequest(
                        PartyKind.ACCOUNT,
                        sp,
                        List.of(new MergeParty(c.id(), c.version())),
                        Map.of())))
        .as("a contact is no account")
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                merges.merge(
                    ADMIN,
                    new MergeRequest(
                        PartyKind.ACCOUNT,
                        sp,
                        List.of(new MergeParty(l.id(), l.version() + 7)),
                        Map.of())))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(
            () ->
                merges.merge(SALES, new MergeRequest(PartyKind.ACCOUNT, sp, List.of(lp), Map.of())))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                merges.merge(
                    OUTSIDER, new MergeRequest(PartyKind.ACCOUNT, sp, List.of(lp), Map.of())))
        .as("the outsider manager sees neither account")
        .isInstanceOf(NotFoundException.class);
    assertThat(accounts.get(SALES, l.id()).version()).isEqualTo(l.version());

    Merge m = merges.merge(ADMIN, new MergeRequest(PartyKind.ACCOUNT, sp, List.of(lp), Map.of()));
    assertThatThrownBy(() -> merges.get(OUTSIDER, m.id())).isInstanceOf(NotFoundException.class);
    assertThat(merges.ofParty(OUTSIDER, s.id())).isEmpty();
    assertThatThrownBy(() -> merges.undo(OUTSIDER, m.id())).isInstanceOf(NotFoundException.class);
    Account s2 = accounts.get(SALES, s.id());
    Account other = newAccount("Refuse other");
    assertThatThrownBy(
            () ->
                merges.merge(
                    ADMIN,
                    new MergeRequest(
                        PartyKind.ACCOUNT,
                        new MergeParty(other.id(), other.version()),
                        List.of(new MergeParty(l.id(), l.version() + 1)),
                        Map.of())))
        .isInstanceOf(PartyMergedException.class);
    accounts.update(
        SALES,
        s.id(),
        s2.version(),
        new AccountDraft("Renamed", null, "mg-sales", LifecycleStage.PROSPECT));
    assertThatThrownBy(() -> merges.undo(ADMIN, m.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("changed since the merge");
    assertThat(merges.get(ADMIN, m.id()).status()).isEqualTo(MergeStatus.MERGED);
  }

  @Test
  void undoRefusesWhenAMovedChildWasRemoved() {
    Account s = newAccount("Child S");
    Account l = newAccount("Child L");
    parties.addTag(SALES, PartyKey.account(l.id()), "moved");
    Merge m =
        merges.merge(
            ADMIN,
            new MergeRequest(
                PartyKind.ACCOUNT,
                new MergeParty(s.id(), s.version()),
                List.of(new MergeParty(l.id(), l.version())),
                Map.of()));
    parties.removeTag(SALES, PartyKey.account(s.id()), "moved");
    assertThatThrownBy(() -> merges.undo(ADMIN, m.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("crm_party_tag");
    assertThatThrownBy(() -> accounts.get(SALES, l.id())).isInstanceOf(PartyMergedException.class);
  }

  @Test
  void mergeRunsThePluginPipelineAndAVetoChangesNothing() {
    List<String> seen = new CopyOnWriteArrayList<>();
    RecordPlugin watcher =
        ctx -> seen.add(ctx.stage() + " " + ctx.operation() + " " + ctx.changedFields());
    RecordPlugin veto =
        ctx -> {
          if (ctx.target() instanceof MergeRequest r && r.fieldSources().containsKey("taxId")) {
            throw new PluginVetoException("no tax id from a duplicate");
          }
        };
    List<Map<String, Object>> props = new ArrayList<>();
    for (Stage stage : List.of(Stage.PRE_VALIDATION, Stage.PRE_OPERATION, Stage.POST_OPERATION)) {
      Map<String, Object> p = new HashMap<>();
      p.put(RecordPlugin.ENTITY, "account");
      p.put(RecordPlugin.OPERATION, Operation.MERGE.name());
      p.put(RecordPlugin.STAGE, stage.name());
      p.put(RecordPlugin.KEY, "merge-watch-" + stage.name().toLowerCase(Locale.ROOT));
      plugins.addPlugin(watcher, p);
      props.add(p);
    }
    Map<String, Object> vetoProps = new HashMap<>();
    vetoProps.put(RecordPlugin.ENTITY, "account");
    vetoProps.put(RecordPlugin.OPERATION, Operation.MERGE.name());
    vetoProps.put(RecordPlugin.STAGE, Stage.PRE_OPERATION.name());
    plugins.addPlugin(veto, vetoProps);
    try {
      Account s = newAccount("Plugin S");
      Account l = newAccount("Plugin L");
      MergeParty sp = new MergeParty(s.id(), s.version());
      MergeParty lp = new MergeParty(l.id(), l.version());
      assertThatThrownBy(
              () ->
                  merges.merge(
                      ADMIN,
                      new MergeRequest(
                          PartyKind.ACCOUNT, sp, List.of(lp), Map.of("taxId", l.id()))))
          .isInstanceOf(PluginVetoException.class);
      assertThat(accounts.get(SALES, l.id()).version()).isEqualTo(l.version());
      seen.clear();
      merges.merge(
          ADMIN, new MergeRequest(PartyKind.ACCOUNT, sp, List.of(lp), Map.of("name", l.id())));
      assertThat(seen)
          .containsExactly(
              "PRE_VALIDATION MERGE [name]",
              "PRE_OPERATION MERGE [name]",
              "POST_OPERATION MERGE [name]");
    } finally {
      for (Map<String, Object> p : props) {
        plugins.removePlugin(watcher, p);
      }
      plugins.removePlugin(veto, vetoProps);
    }
  }

  // --- helpers

  private Account newAccount(String name) {
    return accounts.create(SALES, new AccountDraft(unique(name), null, null, null));
  }

  private String unique(String name) {
    return name + " " + (++names) + " " + UUID.randomUUID().toString().substring(0, 6);
  }

  private ContactMechanism email(PartyKey key, String address, MechanismPurpose purpose) {
    return parties.addMechanism(
        SALES,
        key,
        new ContactMechanismDraft(
            MechanismKind.EMAIL, address, null, null, null, Set.of(purpose), null, null));
  }

  private List<AuditEntry> history(String type, UUID id) {
    return audit.history(ADMIN, AuditQuery.ofRecord(type, id, 50)).items();
  }

  private long events(String type, UUID aggregateId) {
    EntityManager em = emf.createEntityManager();
    try {
      return em.createQuery(
              "select count(e) from OutboxEventEntity e where e.type = :t and e.aggregateId = :id",
              Long.class)
          .setParameter("t", type)
          .setParameter("id", aggregateId.toString())
          .getSingleResult();
    } finally {
      em.close();
    }
  }

  /** Every row of the tables a merge touches, but the columns that legitimately move on. */
  private Map<String, List<Map<String, Object>>> snapshot() {
    Map<String, List<Map<String, Object>>> out = new HashMap<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (Map.Entry<String, Set<String>> t : TABLES.entrySet()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select * from " + t.getKey() + " order by 1, 2")) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            Map<String, Object> row = new HashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              String col = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
              if (!t.getValue().contains(col)) {
                row.put(col, rs.getString(i));
              }
            }
            rows.add(row);
          }
        }
        out.put(t.getKey(), rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
