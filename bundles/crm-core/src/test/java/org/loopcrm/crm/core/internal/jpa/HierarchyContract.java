package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.relationship.Hierarchy;
import org.loopcrm.crm.api.relationship.HierarchyNode;
import org.loopcrm.crm.api.relationship.Relationship;
import org.loopcrm.crm.api.relationship.RelationshipType;
import org.loopcrm.crm.api.relationship.RollUp;

/**
 * The account hierarchy and partner relationships on a real database: trees, cycles refused,
 * record-level access cutting the tree, roll-ups, history kept, and deletes that would orphan
 * subsidiaries refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HierarchyContract {
  static final Actor ADMIN = new Actor("admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);

  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaRelationshipService relationships;
  private JpaAuditService audit;

  abstract DataSource newDatabase();

  @BeforeAll
  void openDatabase() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, Clock.systemUTC());
    relationships =
        new JpaRelationshipService(emf, Clock.systemUTC(), AccessPolicy.privateAccess());
    audit = new JpaAuditService(emf);
  }

  @AfterAll
  void closeDatabase() {
    emf.close();
  }

  private static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Actor sales(String user) {
    return new Actor(user, Set.of(Role.CRM_SALES), Actor.Channel.REST);
  }

  private Account account(String name, String owner) {
    return accounts.create(ADMIN, new AccountDraft(unique(name), null, owner, null));
  }

  private void receivables(Account a, String amount, String currency, long invoices) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      OrganizationEntity o = em.find(OrganizationEntity.class, a.id().toString());
      o.receivablesOpen = new BigDecimal(amount);
      o.receivablesCurrency = currency;
      o.invoiceCount = invoices;
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }

  @Test
  void aTreeReadsAsAncestorsNearestFirstAndDescendantsDepthFirst() {
    String owner = unique("owner").replace(' ', '-');
    Account group = account("Group", owner);
    Account east = account("East", owner);
    Account west = account("West", owner);
    Account plant = account("Plant", owner);
    relationships.setParent(ADMIN, east.id(), group.id());
    relationships.setParent(ADMIN, west.id(), group.id());
    Hierarchy afterPlant = relationships.setParent(sales(owner), plant.id(), east.id());
    assertThat(afterPlant.parentId()).isEqualTo(east.id());

    Hierarchy fromPlant = relationships.hierarchy(ADMIN, plant.id(), 5);
    assertThat(fromPlant.ancestors())
        .extracting(HierarchyNode::accountId, HierarchyNode::depth)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(east.id(), -1),
            org.assertj.core.groups.Tuple.tuple(group.id(), -2));
    assertThat(fromPlant.ancestorsHidden()).isFalse();

    Hierarchy fromGroup = relationships.hierarchy(ADMIN, group.id(), 5);
    assertThat(fromGroup.parentId()).isNull();
    assertThat(fromGroup.descendants())
        .extracting(HierarchyNode::accountId)
        .containsExactly(east.id(), plant.id(), west.id());
    assertThat(fromGroup.descendants()).extracting(HierarchyNode::depth).containsExactly(1, 2, 1);
    assertThat(relationships.hierarchy(ADMIN, group.id(), 1).descendants())
        .extracting(HierarchyNode::accountId)
        .containsExactly(east.id(), west.id());
    assertThatThrownBy(() -> relationships.hierarchy(ADMIN, group.id(), 0))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void cyclesSelfParentsAndRepeatsAreRefusedAndAMoveKeepsTheHistory() {
    String owner = unique("owner").replace(' ', '-');
    Account a = account("A", owner);
    Account b = account("B", owner);
    Account c = account("C", owner);
    relationships.setParent(ADMIN, b.id(), a.id());
    relationships.setParent(ADMIN, c.id(), b.id());
    assertThatThrownBy(() -> relationships.setParent(ADMIN, a.id(), c.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("cycle");
    assertThatThrownBy(() -> relationships.setParent(ADMIN, a.id(), a.id()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> relationships.setParent(ADMIN, c.id(), b.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("already");

    relationships.setParent(ADMIN, c.id(), a.id());
    List<Relationship> history = relationships.relationships(ADMIN, c.id(), true);
    assertThat(history)
        .filteredOn(r -> r.type() == RelationshipType.SUBSIDIARY_OF)
        .extracting(Relationship::toPartyId, Relationship::active)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(b.id(), false),
            org.assertj.core.groups.Tuple.tuple(a.id(), true));
    assertThat(relationships.relationships(ADMIN, c.id(), false))
        .extracting(Relationship::toPartyId)
        .containsExactly(a.id());

    List<AuditEntry> audited =
        audit.history(ADMIN, AuditQuery.ofRecord("account", c.id(), 10)).items();
    assertThat(audited)
        .flatExtracting(AuditEntry::changes)
        .extracting(f -> f.field() + " " + f.oldValue() + "->" + f.newValue())
        .contains("parent " + b.id() + "->" + a.id(), "parent null->" + b.id());

    relationships.clearParent(ADMIN, c.id());
    assertThat(relationships.hierarchy(ADMIN, c.id(), 1).parentId()).isNull();
    assertThatThrownBy(() -> relationships.clearParent(ADMIN, c.id()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void recordLevelAccessCutsTheTreeAndGuardsChanges() {
    Actor owner = sales(unique("owner").replace(' ', '-'));
    Actor stranger = sales(unique("stranger").replace(' ', '-'));
    Account parent = account("Theirs", stranger.user());
    Account mine = account("Mine", owner.user());
    Account hiddenChild = account("Hidden child", stranger.user());
    Account grandChildOfHidden = account("Grandchild", owner.user());
    relationships.setParent(ADMIN, mine.id(), parent.id());
    relationships.setParent(ADMIN, hiddenChild.id(), mine.id());
    relationships.setParent(ADMIN, grandChildOfHidden.id(), hiddenChild.id());

    Hierarchy seen = relationships.hierarchy(owner, mine.id(), 5);
    assertThat(seen.ancestors()).isEmpty();
    assertThat(seen.ancestorsHidden()).isTrue();
    assertThat(seen.parentId()).as("the hidden parent's id does not leak").isNull();
    assertThat(seen.descendants()).isEmpty();
    assertThat(seen.descendantsHidden()).isEqualTo(2);

    assertThatThrownBy(() -> relationships.hierarchy(stranger, mine.id(), 1))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> relationships.setParent(owner, mine.id(), hiddenChild.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> relationships.setParent(stranger, mine.id(), parent.id()))
        .isInstanceOf(NotFoundException.class);
    Actor viewer = new Actor(owner.user(), Set.of(Role.CRM_VIEWER), Actor.Channel.REST);
    assertThatThrownBy(() -> relationships.clearParent(viewer, mine.id()))
        .isInstanceOf(org.loopcrm.crm.api.AccessDeniedException.class);
  }

  @Test
  void rollUpsTotalTheVisibleSubtreeAndHideFinanceFromThoseWithoutIt() {
    String ownerName = unique("owner").replace(' ', '-');
    Account group = account("Group", ownerName);
    Account eu = account("EU", ownerName);
    Account us = account("US", ownerName);
    relationships.setParent(ADMIN, eu.id(), group.id());
    relationships.setParent(ADMIN, us.id(), group.id());
    receivables(group, "100.50", "EUR", 2);
    receivables(eu, "20", "EUR", 1);
    receivables(us, "7", "USD", 3);
    accounts.addContact(ADMIN, eu.id(), new ContactDraft("Ada", "Lovelace", null, null, null));
    accounts.archive(ADMIN, us.id(), accounts.get(ADMIN, us.id()).version());

    RollUp r = relationships.rollUp(sales(ownerName), group.id());
    assertThat(r.accounts()).isEqualTo(3);
    assertThat(r.activeAccounts()).isEqualTo(2);
    assertThat(r.contacts()).isEqualTo(1);
    assertThat(r.receivablesOpen())
        .containsEntry("EUR", new BigDecimal("120.5"))
        .containsEntry("USD", new BigDecimal("7"));
    assertThat(r.invoiceCount()).isEqualTo(6);
    assertThat(r.hiddenAccounts()).isZero();

    Actor viewer = new Actor(ownerName, Set.of(Role.CRM_VIEWER), Actor.Channel.REST);
    RollUp seenByViewer = relationships.rollUp(viewer, group.id());
    assertThat(seenByViewer.receivablesOpen()).isNull();
    assertThat(seenByViewer.invoiceCount()).isNull();
    assertThat(seenByViewer.accounts()).isEqualTo(3);
  }

  @Test
  void partnersAreRelatedOnceEndedOnceAndHiddenWhenTheOtherSideIs() {
    Actor owner = sales(unique("owner").replace(' ', '-'));
    Account mine = account("Mine", owner.user());
    Account partner = account("Partner", owner.user());
    Account secret = account("Secret", unique("other").replace(' ', '-'));
    Relationship r =
        relationships.relate(
            owner, mine.id(), RelationshipType.PARTNER_OF, partner.id(), "Reseller");
    assertThat(r.active()).isTrue();
    assertThatThrownBy(
            () ->
                relationships.relate(
                    owner, partner.id(), RelationshipType.PARTNER_OF, mine.id(), null))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                relationships.relate(
                    owner, mine.id(), RelationshipType.SUBSIDIARY_OF, partner.id(), null))
        .isInstanceOf(ValidationException.class);
    relationships.relate(ADMIN, secret.id(), RelationshipType.PARTNER_OF, mine.id(), null);
    assertThat(relationships.relationships(owner, mine.id(), false))
        .extracting(Relationship::fromPartyId)
        .containsExactly(mine.id());
    assertThat(relationships.relationships(ADMIN, mine.id(), false)).hasSize(2);

    Relationship ended = relationships.end(owner, mine.id(), r.id());
    assertThat(ended.thruDate()).isNotNull();
    assertThatThrownBy(() -> relationships.end(owner, mine.id(), r.id()))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> relationships.end(owner, mine.id(), UUID.randomUUID()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anAccountWithSubsidiariesIsNotDeletedAndADeletedOneTakesItsLinksAlong() {
    String owner = unique("owner").replace(' ', '-');
    Account parent = account("Parent", owner);
    Account child = account("Child", owner);
    Account partner = account("Partner", owner);
    relationships.setParent(ADMIN, child.id(), parent.id());
    relationships.relate(ADMIN, parent.id(), RelationshipType.PARTNER_OF, partner.id(), null);
    Account archived = accounts.archive(ADMIN, parent.id(), 0);
    assertThatThrownBy(() -> accounts.delete(ADMIN, parent.id(), archived.version()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("parent of 1");
    relationships.clearParent(ADMIN, child.id());
    accounts.delete(ADMIN, parent.id(), archived.version());
    assertThat(relationships.relationships(ADMIN, partner.id(), true)).isEmpty();
    assertThat(relationships.relationships(ADMIN, child.id(), true)).isEmpty();
  }
}
