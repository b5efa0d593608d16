package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.party.ContactMechanism;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.PartyKey;
import org.loopcrm.crm.api.party.PostalAddress;
import org.loopcrm.crm.api.search.SearchHit;
import org.loopcrm.crm.api.search.SearchKind;
import org.loopcrm.crm.api.search.SearchQuery;

/**
 * Search on a real database, one dataset, one set of expected hits: each subclass runs it on one
 * database product, so H2 and PostgreSQL must give the same hits in the same order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchContract {
  static final Actor ADMIN = new Actor("se-admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor SALES = new Actor("se-sales", Set.of(Role.CRM_SALES), Actor.Channel.REST);
  static final Actor OTHER = new Actor("se-other", Set.of(Role.CRM_SALES), Actor.Channel.REST);

  EntityManagerFactory emf;
  private JpaSearchService search;
  private Account acmeTools;
  private Account acmeCorp;
  private Account nordic;
  private Account academy;
  private Account hidden;
  private Contact jane;
  private Contact ada;
  private Contact hiddenPerson;
  private ContactMechanism acmeEmail;
  private ContactMechanism acmeWeb;
  private ContactMechanism acmePostal;
  private ContactMechanism adaEmail;

  abstract DataSource newDatabase();

  @BeforeAll
  void open() {
    emf = TestDatabases.open(newDatabase());
    JpaAccountService accounts = new JpaAccountService(emf, Clock.systemUTC());
    JpaPartyService parties =
        new JpaPartyService(emf, Clock.systemUTC(), AccessPolicy.privateAccess());
    search = new JpaSearchService(emf, AccessPolicy.privateAccess());
    acmeTools = account(accounts, SALES, "Acme Tools GmbH");
    acmeCorp = account(accounts, SALES, "Acme Corporation");
    nordic = account(accounts, SALES, "Nordic Pumps AB");
    academy = account(accounts, SALES, "Academy of Arts");
    hidden = account(accounts, OTHER, "Acme Hidden Ltd");
    jane =
        accounts.addContact(
            SALES, nordic.id(), new ContactDraft("Jane", "Acmeson", null, null, "CEO"));
    ada =
        accounts.addContact(
            SALES, acmeTools.id(), new ContactDraft("Ada", "Lovelace", null, null, null));
    hiddenPerson =
        accounts.addContact(
            OTHER,
            hidden.id(),
            new ContactDraft("Hidden", "Person", "hidden.person@acme-secret.example", null, null));
    PartyKey tools = PartyKey.account(acmeTools.id());
    acmeEmail =
        parties.addMechanism(SALES, tools, mech(MechanismKind.EMAIL, "info@acme-tools.example"));
    acmeWeb =
        parties.addMechanism(SALES, tools, mech(MechanismKind.WEB, "https://acme-tools.example"));
    acmePostal =
        parties.addMechanism(
            SALES,
            tools,
            new ContactMechanismDraft(
                MechanismKind.POSTAL,
                null,
                null,
                null,
                new PostalAddress("Hauptstr. 1", "Berlin", "10115", null, "DE"),
                Set.of(),
                null,
                null));
    adaEmail =
        parties.addMechanism(
            SALES,
            PartyKey.contact(acmeTools.id(), ada.id()),
            mech(MechanismKind.EMAIL, "ada@acme-tools.example"));
    parties.addMechanism(
        OTHER, PartyKey.account(hidden.id()), mech(MechanismKind.EMAIL, "secret@acme.example"));
  }

  @AfterAll
  void close() {
    emf.close();
  }

  @Test
  void oneWordFindsNamesByPrefixAndMechanismsByContent() {
    List<UUID> expected = new ArrayList<>();
    expected.add(acmeCorp.id());
    expected.add(acmeTools.id());
    expected.addAll(byId(acmeEmail.id(), acmeWeb.id()));
    expected.add(adaEmail.id());
    expected.add(jane.id());
    List<SearchHit> hits = search.search(SALES, new SearchQuery("acme", null, 20));
    assertThat(ids(hits)).containsExactlyElementsOf(expected);
    assertThat(hits)
        .extracting(SearchHit::kind)
        .containsExactly(
            SearchKind.ACCOUNT,
            SearchKind.ACCOUNT,
            SearchKind.MECHANISM,
            SearchKind.MECHANISM,
            SearchKind.MECHANISM,
            SearchKind.CONTACT);
    assertThat(hits).extracting(SearchHit::score).containsExactly(1.0, 1.0, 1.0, 1.0, 1.0, 0.75);
    SearchHit ada = hits.get(4);
    assertThat(ada.accountId()).isEqualTo(acmeTools.id());
    assertThat(ada.label()).isEqualTo("Ada Lovelace");
    assertThat(ada.field()).isEqualTo("email");
    assertThat(ada.matched()).isEqualTo("ada@acme-tools.example");
    assertThat(hits.get(5).accountId()).isEqualTo(nordic.id());
    assertThat(hits.get(5).label()).isEqualTo("Jane Acmeson");
  }

  @Test
  void everyWordMustMatch() {
    List<UUID> expected = new ArrayList<>();
    expected.add(acmeTools.id());
    expected.addAll(byId(acmeEmail.id(), acmeWeb.id()));
    expected.add(adaEmail.id());
    assertThat(ids(search.search(SALES, new SearchQuery("ACME-tools", null, 20))))
        .containsExactlyElementsOf(expected);
    assertThat(ids(search.search(SALES, new SearchQuery("acme nordic", null, 20)))).isEmpty();
  }

  @Test
  void prefixesKindsAndLimit() {
    assertThat(ids(search.search(SALES, new SearchQuery("ac", Set.of(SearchKind.ACCOUNT), 3))))
        .containsExactly(academy.id(), acmeCorp.id(), acmeTools.id());
    assertThat(ids(search.search(SALES, new SearchQuery("ac", null, 4))))
        .containsExactly(academy.id(), acmeCorp.id(), acmeTools.id(), jane.id());
    List<SearchHit> postal =
        search.search(SALES, new SearchQuery("berlin 1011", Set.of(SearchKind.MECHANISM), 10));
    assertThat(ids(postal)).containsExactly(acmePostal.id());
    assertThat(postal.get(0).matched()).isEqualTo("Hauptstr. 1, 10115, Berlin, DE");
    assertThat(postal.get(0).score()).isEqualTo(0.875);
    assertThat(ids(search.search(SALES, new SearchQuery("lovelace", null, 10))))
        .containsExactly(ada.id());
  }

  @Test
  void onlyVisibleRecordsAreSearched() {
    assertThat(ids(search.search(SALES, new SearchQuery("hidden", null, 10)))).isEmpty();
    assertThat(ids(search.search(SALES, new SearchQuery("secret", null, 10)))).isEmpty();
    assertThat(ids(search.search(OTHER, new SearchQuery("acme", null, 10))))
        .containsExactlyInAnyOrder(hidden.id(), hiddenPerson.id(), secretMechanism(OTHER));
    assertThat(search.search(ADMIN, new SearchQuery("acme", null, 20))).hasSize(9);
    List<SearchHit> byEmail = search.search(OTHER, new SearchQuery("acme-secret", null, 10));
    assertThat(byEmail).extracting(SearchHit::field).containsExactly("email", "email");
    assertThat(byEmail)
        .extracting(SearchHit::kind)
        .containsExactly(SearchKind.CONTACT, SearchKind.MECHANISM);
    assertThat(ids(byEmail)).containsExactly(hiddenPerson.id(), secretMechanism(OTHER));
  }

  @Test
  void badQueriesAreRefused() {
    for (String q : new String[] {"  ", "!!", "a b c d e f g h i"}) {
      assertThatThrownBy(() -> search.search(SALES, new SearchQuery(q, null, 10)))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("q"));
    }
    assertThatThrownBy(() -> search.search(SALES, new SearchQuery("acme", null, 0)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("limit"));
  }

  private UUID secretMechanism(Actor actor) {
    return search
        .search(actor, new SearchQuery("secret", Set.of(SearchKind.MECHANISM), 1))
        .get(0)
        .id();
  }

  private static List<UUID> byId(UUID... ids) {
    return java.util.Arrays.stream(ids).sorted(Comparator.comparing(UUID::toString)).toList();
  }

  private static List<UUID> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }

  private static Account account(JpaAccountService accounts, Actor actor, String name) {
    return accounts.create(actor, new AccountDraft(name, null, null, null));
  }

  private static ContactMechanismDraft mech(MechanismKind kind, String value) {
    return new ContactMechanismDraft(kind, value, null, null, null, Set.of(), null, null);
  }
}
