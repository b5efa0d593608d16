package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
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
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.audit.AuditAction;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.ExternalRef;
import org.loopcrm.crm.api.party.ExternalRefDraft;
import org.loopcrm.crm.api.party.MechanismConsent;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyFilter;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PartyRole;
import org.loopcrm.crm.api.party.PartyRoleDraft;
import org.loopcrm.crm.api.party.PostalAddress;
import org.loopcrm.crm.api.party.RoleType;
import org.loopcrm.crm.api.privacy.ConsentChannel;
import org.loopcrm.crm.api.privacy.ConsentDraft;
import org.loopcrm.crm.api.privacy.ConsentStatus;
import org.loopcrm.crm.api.privacy.ErasureStatus;

/**
 * Contact mechanisms with consent, roles, external references and tags on a real database. Each
 * subclass runs it on one database product.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PartyDetailsContract {
  static final Actor ADMIN = new Actor("pd-admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor SALES = new Actor("pd-sales", Set.of(Role.CRM_SALES), Actor.Channel.REST);
  static final Actor MARKETING =
      new Actor("pd-marketing", Set.of(Role.CRM_MARKETING), Actor.Channel.REST);
  static final Actor VIEWER = new Actor("pd-viewer", Set.of(Role.CRM_VIEWER), Actor.Channel.REST);
  static final Actor STRANGER =
      new Actor("pd-stranger", Set.of(Role.CRM_SALES), Actor.Channel.REST);

  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaPartyService parties;
  private JpaAuditService audit;
  private JpaPrivacyService privacy;

  abstract DataSource newDatabase();

  @BeforeAll
  void open() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, Clock.systemUTC());
    parties = new JpaPartyService(emf, Clock.systemUTC(), AccessPolicy.privateAccess());
    audit = new JpaAuditService(emf);
    privacy = new JpaPrivacyService(emf, Clock.systemUTC());
    new JpaAccessService(emf, Clock.systemUTC(), AccessPolicy.privateAccess())
        .createTeam(ADMIN, "party-details", List.of("pd-sales", "pd-marketing", "pd-viewer"));
  }

  @AfterAll
  void close() {
    emf.close();
  }

  @Test
  void mechanismsAreNormalisedAuditedEventedAndVersioned() {
    Account a = newAccount();
    PartyKey key = PartyKey.account(a.id());
    ContactMechanism phone =
        parties.addMechanism(
            SALES,
            key,
            new ContactMechanismDraft(
                MechanismKind.PHONE,
                "030 1234567",
                null,
                "DE",
                null,
                Set.of(MechanismPurpose.PRIMARY),
                null,
                null));
    assertThat(phone.value()).isEqualTo("+49301234567");
    assertThat(phone.partyId()).isEqualTo(a.id());
    assertThat(phone.consents()).isEmpty();
    ContactMechanism postal =
        parties.addMechanism(
            MARKETING,
            key,
            new ContactMechanismDraft(
                MechanismKind.POSTAL,
                null,
                null,
                null,
                new PostalAddress("Hauptstr. 1", "Berlin", "10115", null, "de"),
                Set.of(MechanismPurpose.BILLING, MechanismPurpose.SHIPPING),
                LocalDate.of(2026, 1, 1),
                null));
    assertThat(postal.address().country()).isEqualTo("DE");
    assertThat(parties.mechanisms(VIEWER, key))
        .extracting(ContactMechanism::kind)
        .containsExactly(MechanismKind.PHONE, MechanismKind.POSTAL);

    ContactMechanism changed =
        parties.updateMechanism(
            SALES,
            key,
            phone.id(),
            phone.version(),
            new ContactMechanismDraft(
                MechanismKind.PHONE,
                "+44 20 7946 0000",
                null,
                null,
                null,
                Set.of(MechanismPurpose.PRIMARY, MechanismPurpose.WORK),
                null,
                null));
    assertThat(changed.value()).isEqualTo("+442079460000");
    assertThat(changed.version()).isGreaterThan(phone.version());
    assertThatThrownBy(
            () ->
                parties.updateMechanism(
                    SALES,
                    key,
                    phone.id(),
                    phone.version(),
                    new ContactMechanismDraft(
                        MechanismKind.PHONE,
                        "+44 20 7946 0000",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(
            () ->
                parties.updateMechanism(
                    SALES,
                    key,
                    phone.id(),
                    changed.version(),
                    new ContactMechanismDraft(
                        MechanismKind.EMAIL, "a@example.com", null, null, null, null, null, null)))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                parties.addMechanism(
                    SALES,
                    key,
                    new ContactMechanismDraft(
                        MechanismKind.EMAIL, "not an address", null, null, null, null, null, null)))
        .isInstanceOf(ValidationException.class);

    Page<AuditEntry> history =
        audit.history(SALES, AuditQuery.ofRecord("contact-mechanism", phone.id(), 10));
    assertThat(history.items())
        .extracting(AuditEntry::action)
        .containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
    assertThat(history.items().get(0).changes())
        .anySatisfy(c -> assertThat(c.newValue()).isEqualTo("+442079460000"));
    assertThatThrownBy(
            () -> audit.history(STRANGER, AuditQuery.ofRecord("contact-mechanism", phone.id(), 10)))
        .isInstanceOf(NotFoundException.class);

    parties.removeMechanism(SALES, key, postal.id(), postal.version());
    assertThat(parties.mechanisms(SALES, key))
        .extracting(ContactMechanism::id)
        .containsExactly(phone.id());
    assertThat(eventTypes(a.id()))
        .contains(
            "contact-mechanism.added", "contact-mechanism.updated", "contact-mechanism.removed");
  }

  @Test
  void onePrimaryPerKindAndParty() {
    Account a = newAccount();
    PartyKey key = PartyKey.account(a.id());
    ContactMechanism first = email(key, "info@example.com", MechanismPurpose.PRIMARY);
    assertThatThrownBy(() -> email(key, "sales@example.com", MechanismPurpose.PRIMARY))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining(first.id().toString());
    // Another kind, or another party, may have its own primary.
    parties.addMechanism(
        SALES,
        key,
        new ContactMechanismDraft(
            MechanismKind.WEB,
            "https://example.com",
            null,
            null,
            null,
            Set.of(MechanismPurpose.PRIMARY),
            null,
            null));
    email(PartyKey.account(newAccount().id()), "info@example.com", MechanismPurpose.PRIMARY);
    // Demote, then promote another.
    parties.updateMechanism(
        SALES,
        key,
        first.id(),
        first.version(),
        new ContactMechanismDraft(
            MechanismKind.EMAIL, "info@example.com", null, null, null, Set.of(), null, null));
    assertThat(email(key, "sales@example.com", MechanismPurpose.PRIMARY).purposes())
        .containsExactly(MechanismPurpose.PRIMARY);
  }

  @Test
  void consentGivenForAMechanismIsInTheRegisterAndShownOnTheMechanism() {
    Account a = newAccount();
    Contact c = newContact(a);
    PartyKey key = PartyKey.contact(a.id(), c.id());
    ContactMechanism mail = email(key, "Ada@Example.com", MechanismPurpose.PRIMARY);
    assertThat(mail.value()).isEqualTo("Ada@example.com");
    ContactMechanism phone =
        parties.addMechanism(
            SALES,
            key,
            new ContactMechanismDraft(
                MechanismKind.PHONE, "+49 30 1234567", null, null, null, null, null, null));

    ContactMechanism seen =
        parties.recordConsent(
            MARKETING,
            key,
            mail.id(),
            new ConsentDraft("newsletter", null, ConsentStatus.GRANTED, "web-form", "v3"));
    assertThat(seen.consents())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.purpose()).isEqualTo("newsletter");
              assertThat(m.channel()).isEqualTo(ConsentChannel.EMAIL);
              assertThat(m.status()).isEqualTo(ConsentStatus.GRANTED);
              assertThat(m.mechanismId()).isEqualTo(mail.id());
            });
    // The register is the one source of truth.
    assertThat(privacy.hasConsent(VIEWER, c.id(), "newsletter", ConsentChannel.EMAIL)).isTrue();
    // A decision for the person as a whole shows on the mechanisms of its channel.
    privacy.recordConsent(
        SALES,
        c.id(),
        new ConsentDraft(
            "newsletter", ConsentChannel.EMAIL, ConsentStatus.WITHDRAWN, "call", null));
    List<MechanismConsent> now = parties.mechanism(VIEWER, key, mail.id()).consents();
    assertThat(now).extracting(MechanismConsent::status).containsExactly(ConsentStatus.WITHDRAWN);
    assertThat(now.get(0).mechanismId()).isNull();
    parties.recordConsent(
        SALES,
        key,
        phone.id(),
        new ConsentDraft("surveys", ConsentChannel.SMS, ConsentStatus.DENIED, "call", null));
    assertThat(parties.mechanism(SALES, key, phone.id()).consents())
        .extracting(MechanismConsent::channel, MechanismConsent::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ConsentChannel.SMS, ConsentStatus.DENIED));
    assertThat(parties.mechanism(SALES, key, mail.id()).consents()).hasSize(1);
    assertThat(privacy.hasConsent(SALES, c.id(), "surveys", ConsentChannel.SMS)).isFalse();
    // The wrong channel for the kind, and organizations, take no consent.
    assertThatThrownBy(
            () ->
                parties.recordConsent(
                    SALES,
                    key,
                    mail.id(),
                    new ConsentDraft("x1", ConsentChannel.POST, ConsentStatus.GRANTED, "s", null)))
        .isInstanceOf(ValidationException.class);
    ContactMechanism orgMail = email(PartyKey.account(a.id()), "info@example.com");
    assertThatThrownBy(
            () ->
                parties.recordConsent(
                    SALES,
                    PartyKey.account(a.id()),
                    orgMail.id(),
                    new ConsentDraft("x1", null, ConsentStatus.GRANTED, "s", null)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void erasureDeletesThePersonsMechanismsAndRedactsTheirHistory() {
    Account a = newAccount();
    Contact c = newContact(a);
    PartyKey key = PartyKey.contact(a.id(), c.id());
    ContactMechanism mail = email(key, "ada@example.com", MechanismPurpose.PRIMARY);
    assertThat(privacy.requestErasure(ADMIN, c.id()).status()).isEqualTo(ErasureStatus.COMPLETED);
    assertThat(parties.mechanisms(SALES, key)).isEmpty();
    List<AuditEntry> history =
        audit.history(ADMIN, AuditQuery.ofRecord("contact-mechanism", mail.id(), 10)).items();
    assertThat(history)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.changes())
                    .noneSatisfy(ch -> assertThat(ch.newValue()).contains("ada@")));
    assertThatThrownBy(() -> email(key, "new@example.com")).isInstanceOf(ConflictException.class);
  }

  @Test
  void rolesHavePeriodsThatDoNotOverlapAndListAccounts() {
    Account a = newAccount();
    Account b = newAccount();
    PartyKey key = PartyKey.account(a.id());
    LocalDate today = LocalDate.now(Clock.systemUTC());
    PartyRole customer =
        parties.addRole(SALES, key, new PartyRoleDraft(RoleType.CUSTOMER, null, null));
    assertThat(customer.fromDate()).isEqualTo(today);
    assertThatThrownBy(
            () ->
                parties.addRole(
                    SALES, key, new PartyRoleDraft(RoleType.CUSTOMER, today.minusYears(1), today)))
        .isInstanceOf(ConflictException.class);
    parties.addRole(
        SALES, key, new PartyRoleDraft(RoleType.PROSPECT, today.minusYears(1), today.minusDays(1)));
    parties.addRole(
        SALES, PartyKey.account(b.id()), new PartyRoleDraft(RoleType.CUSTOMER, null, null));
    assertThat(parties.roles(VIEWER, key))
        .extracting(PartyRole::role)
        .containsExactly(RoleType.PROSPECT, RoleType.CUSTOMER);
    assertThat(
            ids(parties.accounts(SALES, new PartyFilter(RoleType.CUSTOMER, null, null, 200, null))))
        .contains(a.id(), b.id());
    assertThat(
            ids(parties.accounts(SALES, new PartyFilter(RoleType.PROSPECT, null, null, 200, null))))
        .doesNotContain(a.id());
    assertThat(
            ids(
                parties.accounts(
                    SALES,
                    new PartyFilter(RoleType.PROSPECT, null, today.minusDays(2), 200, null))))
        .contains(a.id());
    assertThat(
            ids(
                parties.accounts(
                    STRANGER, new PartyFilter(RoleType.CUSTOMER, null, null, 200, null))))
        .doesNotContain(a.id(), b.id());
    assertThatThrownBy(
            () -> parties.addRole(MARKETING, key, new PartyRoleDraft(RoleType.PARTNER, null, null)))
        .isInstanceOf(AccessDeniedException.class);
    parties.removeRole(SALES, key, customer.id());
    assertThat(parties.roles(SALES, key)).hasSize(1);
    assertThat(audit.history(SALES, AuditQuery.ofRecord("account", a.id(), 10)).items())
        .anySatisfy(
            e ->
                assertThat(e.changes())
                    .anySatisfy(ch -> assertThat(ch.field()).isEqualTo("role.CUSTOMER")));
  }

  @Test
  void externalReferencesAreUniqueAndFoundBySystemAndId() {
    Account a = newAccount();
    Contact c = newContact(a);
    String id = "P-" + UUID.randomUUID();
    ExternalRef ref =
        parties.addExternalRef(SALES, PartyKey.account(a.id()), new ExternalRefDraft("Tryton", id));
    assertThat(ref.system()).isEqualTo("tryton");
    assertThat(ref.contact()).isFalse();
    assertThatThrownBy(
            () ->
                parties.addExternalRef(
                    SALES, PartyKey.contact(a.id(), c.id()), new ExternalRefDraft("tryton", id)))
        .isInstanceOf(ConflictException.class);
    ExternalRef person =
        parties.addExternalRef(
            SALES, PartyKey.contact(a.id(), c.id()), new ExternalRefDraft("tryton", id + "-c"));
    assertThat(parties.findByExternalRef(VIEWER, "TRYTON", id)).isEqualTo(ref);
    assertThat(parties.findByExternalRef(SALES, "tryton", id + "-c"))
        .satisfies(
            r -> {
              assertThat(r.partyId()).isEqualTo(c.id());
              assertThat(r.accountId()).isEqualTo(a.id());
              assertThat(r.contact()).isTrue();
            });
    assertThatThrownBy(() -> parties.findByExternalRef(STRANGER, "tryton", id))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> parties.findByExternalRef(SALES, "tryton", "nope"))
        .isInstanceOf(NotFoundException.class);
    parties.removeExternalRef(SALES, PartyKey.contact(a.id(), c.id()), person.id());
    assertThat(parties.externalRefs(SALES, PartyKey.contact(a.id(), c.id()))).isEmpty();
    // Deleting the account frees its references.
    Account archived = accounts.archive(SALES, a.id(), a.version());
    accounts.delete(ADMIN, a.id(), archived.version());
    assertThatThrownBy(() -> parties.findByExternalRef(ADMIN, "tryton", id))
        .isInstanceOf(NotFoundException.class);
    Account other = newAccount();
    parties.addExternalRef(SALES, PartyKey.account(other.id()), new ExternalRefDraft("tryton", id));
  }

  @Test
  void tagsAreCaseInsensitiveAndListAccounts() {
    Account a = newAccount();
    Account b = newAccount();
    String tag = "vip-" + UUID.randomUUID().toString().substring(0, 8);
    PartyKey key = PartyKey.account(a.id());
    assertThat(parties.addTag(MARKETING, key, tag.toUpperCase())).containsExactly(tag);
    assertThat(parties.addTag(SALES, key, tag)).containsExactly(tag);
    assertThat(parties.addTag(SALES, key, "fair-2026")).containsExactly("fair-2026", tag);
    parties.addTag(SALES, PartyKey.account(b.id()), tag);
    assertThat(ids(parties.accounts(VIEWER, new PartyFilter(null, tag, null, 1, null)))).hasSize(1);
    Page<Account> first = parties.accounts(VIEWER, new PartyFilter(null, tag, null, 1, null));
    Page<Account> second =
        parties.accounts(
            VIEWER, new PartyFilter(null, tag, null, 1, first.nextCursor().orElseThrow()));
    assertThat(List.of(first.items().get(0).id(), second.items().get(0).id()))
        .containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(ids(parties.accounts(STRANGER, new PartyFilter(null, tag, null, 10, null))))
        .isEmpty();
    assertThatThrownBy(() -> parties.addTag(STRANGER, key, "x"))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> parties.addTag(VIEWER, key, "x"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> parties.addTag(SALES, key, "no spaces"))
        .isInstanceOf(ValidationException.class);
    assertThat(parties.removeTag(SALES, key, tag.toUpperCase())).containsExactly("fair-2026");
    assertThatThrownBy(() -> parties.removeTag(SALES, key, tag))
        .isInstanceOf(NotFoundException.class);
    assertThat(eventTypes(a.id())).contains("tag.added", "tag.removed");
  }

  @Test
  void detailsOfAccountsOutsideTheCircleAreNotFound() {
    Account a = newAccount();
    Contact c = newContact(a);
    ContactMechanism m = email(PartyKey.account(a.id()), "x@example.com");
    assertThatThrownBy(() -> parties.mechanisms(STRANGER, PartyKey.account(a.id())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> parties.mechanism(STRANGER, PartyKey.account(a.id()), m.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> parties.roles(STRANGER, PartyKey.contact(a.id(), c.id())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> parties.tags(STRANGER, PartyKey.account(a.id())))
        .isInstanceOf(NotFoundException.class);
    // A mechanism addressed through the wrong party, or a contact of another account: not found.
    Account b = newAccount();
    assertThatThrownBy(() -> parties.mechanism(SALES, PartyKey.account(b.id()), m.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> parties.mechanisms(SALES, PartyKey.contact(b.id(), c.id())))
        .isInstanceOf(NotFoundException.class);
  }

  private ContactMechanism email(PartyKey key, String address, MechanismPurpose... purposes) {
    return parties.addMechanism(
        SALES,
        key,
        new ContactMechanismDraft(
            MechanismKind.EMAIL, address, null, null, null, Set.of(purposes), null, null));
  }

  private Account newAccount() {
    return accounts.create(SALES, new AccountDraft("Party " + UUID.randomUUID(), null, null, null));
  }

  private Contact newContact(Account a) {
    return accounts.addContact(
        SALES, a.id(), new ContactDraft("Ada", "Lovelace", null, null, null));
  }

  private static List<UUID> ids(Page<Account> page) {
    return page.items().stream().map(Account::id).toList();
  }

  private List<String> eventTypes(UUID accountId) {
    EntityManager em = emf.createEntityManager();
    try {
      return em.createQuery(
              "select e.type from OutboxEventEntity e where e.aggregateId = :id", String.class)
          .setParameter("id", accountId.toString())
          .getResultList();
    } finally {
      em.close();
    }
  }
}
