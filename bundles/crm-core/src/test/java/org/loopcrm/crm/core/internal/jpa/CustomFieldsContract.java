package org.loopcrm.crm.core.internal.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountDraft;
import org.loopcrm.crm.api.account.AccountQuery;
import org.loopcrm.crm.api.account.AccountSort;
import org.loopcrm.crm.api.account.Contact;
import org.loopcrm.crm.api.account.ContactDraft;
import org.loopcrm.crm.api.audit.AuditEntry;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.api.audit.FieldChange;
import org.loopcrm.crm.api.customfield.CustomField;
import org.loopcrm.crm.api.customfield.CustomFieldDraft;
import org.loopcrm.crm.api.customfield.CustomFieldFilter;
import org.loopcrm.crm.api.customfield.CustomFieldFilter.Op;
import org.loopcrm.crm.api.customfield.FieldTarget;
import org.loopcrm.crm.api.customfield.FieldType;

/**
 * Custom fields on a real database: definitions and their safe changes, typed values on accounts
 * and contacts, validation, audit, events and filters that obey record visibility. Each subclass
 * runs it on one database product.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CustomFieldsContract {
  static final Actor ADMIN = new Actor("cf-admin", Set.of(Role.CRM_ADMIN), Actor.Channel.REST);
  static final Actor SALES = new Actor("cf-sales", Set.of(Role.CRM_SALES), Actor.Channel.REST);
  static final Actor OTHER = new Actor("cf-other", Set.of(Role.CRM_SALES), Actor.Channel.REST);
  static final Actor VIEWER = new Actor("cf-viewer", Set.of(Role.CRM_VIEWER), Actor.Channel.REST);

  private EntityManagerFactory emf;
  private JpaAccountService accounts;
  private JpaCustomFieldService fields;
  private JpaAuditService audit;

  abstract DataSource newDatabase();

  @BeforeAll
  void open() {
    emf = TestDatabases.open(newDatabase());
    accounts = new JpaAccountService(emf, Clock.systemUTC());
    fields = new JpaCustomFieldService(emf, Clock.systemUTC());
    audit = new JpaAuditService(emf);
    new JpaAccessService(emf, Clock.systemUTC(), AccessPolicy.privateAccess())
        .createTeam(ADMIN, "custom-fields", List.of("cf-sales", "cf-viewer"));
    fields.define(ADMIN, text(FieldTarget.ACCOUNT, "region", 20));
    fields.define(ADMIN, number("revenue", new BigDecimal("0"), null));
    fields.define(
        ADMIN,
        new CustomFieldDraft(
            FieldTarget.ACCOUNT,
            "employees",
            "Employees",
            FieldType.INTEGER,
            false,
            null,
            BigDecimal.ONE,
            null,
            null,
            null,
            null));
    fields.define(
        ADMIN,
        new CustomFieldDraft(
            FieldTarget.ACCOUNT,
            "founded",
            "Founded",
            FieldType.DATE,
            false,
            null,
            null,
            null,
            LocalDate.of(1800, 1, 1),
            null,
            null));
    fields.define(
        ADMIN,
        new CustomFieldDraft(
            FieldTarget.ACCOUNT,
            "key_account",
            "Key account",
            FieldType.BOOLEAN,
            false,
            null,
            null,
            null,
            null,
            null,
            null));
    fields.define(
        ADMIN, enumField(FieldTarget.ACCOUNT, "tier", List.of("gold", "silver", "bronze")));
    fields.define(ADMIN, text(FieldTarget.CONTACT, "nickname", 30));
  }

  @AfterAll
  void close() {
    emf.close();
  }

  @Test
  void valuesAreTypedShownAuditedAndInTheEvent() {
    Account a =
        accounts.create(
            SALES,
            draft(
                "Typed " + UUID.randomUUID(),
                Map.of(
                    "region", "  North ",
                    "revenue", "1250.50",
                    "employees", 120,
                    "founded", "1999-04-01",
                    "key_account", true,
                    "tier", "gold")));
    assertThat(a.customFields())
        .containsEntry("region", "North")
        .containsEntry("revenue", new BigDecimal("1250.5"))
        .containsEntry("employees", 120L)
        .containsEntry("founded", LocalDate.of(1999, 4, 1))
        .containsEntry("key_account", true)
        .containsEntry("tier", "gold");
    assertThat(accounts.get(VIEWER, a.id()).customFields()).isEqualTo(a.customFields());

    Map<String, Object> change = new HashMap<>();
    change.put("tier", "silver");
    change.put("region", null);
    Account b = accounts.update(SALES, a.id(), a.version(), update(a, change));
    assertThat(b.customFields()).containsEntry("tier", "silver").doesNotContainKey("region");
    assertThat(b.customFields()).containsEntry("employees", 120L);
    assertThat(b.version()).isGreaterThan(a.version());

    Account c = accounts.update(SALES, b.id(), b.version(), update(b, null));
    assertThat(c.customFields()).isEqualTo(b.customFields());

    List<AuditEntry> history =
        audit.history(SALES, AuditQuery.ofRecord("account", a.id(), 10)).items();
    assertThat(history.get(history.size() - 1).changes())
        .extracting(FieldChange::field)
        .contains("customFields.region", "customFields.revenue", "customFields.tier");
    assertThat(history)
        .anySatisfy(
            e ->
                assertThat(e.changes())
                    .contains(
                        new FieldChange("customFields.tier", "gold", "silver"),
                        new FieldChange("customFields.region", "North", null)));
    assertThat(lastPayload(a.id()))
        .contains("\"customFields\":{")
        .contains("\"tier\":\"silver\"")
        .contains("\"founded\":\"1999-04-01\"");
  }

  @Test
  void badValuesAreFieldErrorsNamingTheKey() {
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("nope", "x");
    bad.put("revenue", "a lot");
    bad.put("employees", 0);
    bad.put("founded", "1700-01-01");
    bad.put("key_account", "maybe");
    bad.put("tier", "platinum");
    bad.put("region", "x".repeat(21));
    assertThatThrownBy(() -> accounts.create(SALES, draft("Bad " + UUID.randomUUID(), bad)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "customFields.nope",
                        "customFields.revenue",
                        "customFields.employees",
                        "customFields.founded",
                        "customFields.key_account",
                        "customFields.tier",
                        "customFields.region"));
    assertThatThrownBy(
            () ->
                accounts.create(
                    SALES, draft("Bad " + UUID.randomUUID(), Map.of("revenue", "1.12345678901"))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void requiredFieldsOnCreateAndNoClearingOnUpdate() {
    CustomField req = fields.define(ADMIN, requiredContactText("badge"));
    try {
      Account a = accounts.create(SALES, draft("Req " + UUID.randomUUID(), null));
      assertThatThrownBy(
              () ->
                  accounts.addContact(SALES, a.id(), new ContactDraft("A", "B", null, null, null)))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.errors())
                      .containsExactly(new FieldError("customFields.badge", "is required")));
      Contact c =
          accounts.addContact(
              SALES,
              a.id(),
              new ContactDraft(
                  "A", "B", null, null, null, Map.of("badge", "B-1", "nickname", "Bee")));
      assertThat(c.customFields()).containsEntry("badge", "B-1").containsEntry("nickname", "Bee");
      assertThat(accounts.contacts(VIEWER, a.id()).get(0).customFields())
          .isEqualTo(c.customFields());
      Map<String, Object> clear = new HashMap<>();
      clear.put("badge", null);
      assertThatThrownBy(
              () ->
                  accounts.updateContact(
                      SALES,
                      a.id(),
                      c.id(),
                      c.version(),
                      new ContactDraft("A", "B", null, null, null, clear)))
          .isInstanceOf(ValidationException.class);
      Contact d =
          accounts.updateContact(
              SALES,
              a.id(),
              c.id(),
              c.version(),
              new ContactDraft("A", "B", null, null, null, Map.of("badge", "B-2")));
      assertThat(d.customFields()).containsEntry("badge", "B-2");
      assertThat(
              audit
                  .history(SALES, AuditQuery.ofRecord("contact", c.id(), 10))
                  .items()
                  .get(0)
                  .changes())
          .containsExactly(new FieldChange("customFields.badge", "B-1", "B-2"));
    } finally {
      fields.delete(ADMIN, FieldTarget.CONTACT, "badge", req.version(), true);
    }
  }

  @Test
  void definitionsAreAdminOnlyValidatedAndUnique() {
    assertThat(fields.list(VIEWER, FieldTarget.ACCOUNT))
        .extracting(CustomField::key)
        .contains("employees", "founded", "key_account", "region", "revenue", "tier")
        .doesNotContain("nickname");
    assertThatThrownBy(() -> fields.define(SALES, text(FieldTarget.ACCOUNT, "x1", 10)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> fields.define(ADMIN, text(FieldTarget.ACCOUNT, "region", 10)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> fields.define(ADMIN, text(FieldTarget.ACCOUNT, "Bad-Key", 10)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("key"));
    assertThatThrownBy(() -> fields.define(ADMIN, enumField(FieldTarget.ACCOUNT, "e1", List.of())))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () ->
                fields.define(
                    ADMIN,
                    new CustomFieldDraft(
                        FieldTarget.ACCOUNT,
                        "t1",
                        "T1",
                        FieldType.TEXT,
                        false,
                        null,
                        BigDecimal.ONE,
                        null,
                        null,
                        null,
                        null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("min"));
  }

  @Test
  void changesThatStoredValuesWouldNotSurviveAreRefused() {
    CustomField size =
        fields.define(ADMIN, enumField(FieldTarget.ACCOUNT, "size", List.of("s", "m", "l")));
    CustomField note = fields.define(ADMIN, text(FieldTarget.ACCOUNT, "note", 100));
    accounts.create(
        SALES, draft("Sized " + UUID.randomUUID(), Map.of("size", "m", "note", "x".repeat(50))));

    assertThatThrownBy(
            () ->
                fields.update(
                    ADMIN,
                    FieldTarget.ACCOUNT,
                    "size",
                    size.version(),
                    enumField(FieldTarget.ACCOUNT, "size", List.of("s", "l"))))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("1 value(s) use a removed option of [m]");
    assertThatThrownBy(
            () ->
                fields.update(
                    ADMIN,
                    FieldTarget.ACCOUNT,
                    "note",
                    note.version(),
                    text(FieldTarget.ACCOUNT, "note", 20)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("longer than 20");
    assertThatThrownBy(
            () ->
                fields.update(
                    ADMIN, FieldTarget.ACCOUNT, "note", note.version(), number("note", null, null)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("type cannot change");
    CustomField more =
        fields.update(
            ADMIN,
            FieldTarget.ACCOUNT,
            "size",
            size.version(),
            enumField(FieldTarget.ACCOUNT, "size", List.of("s", "m", "l", "xl")));
    assertThat(more.options()).containsExactly("s", "m", "l", "xl");
    assertThat(more.version()).isGreaterThan(size.version());

    assertThatThrownBy(
            () -> fields.delete(ADMIN, FieldTarget.ACCOUNT, "size", more.version(), false))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("purge=true");
    assertThat(fields.delete(ADMIN, FieldTarget.ACCOUNT, "size", more.version(), true))
        .isEqualTo(1);
    assertThat(fields.list(ADMIN, FieldTarget.ACCOUNT))
        .extracting(CustomField::key)
        .doesNotContain("size");
    fields.delete(ADMIN, FieldTarget.ACCOUNT, "note", note.version(), true);
  }

  @Test
  void filtersSelectByValueAndObeyVisibility() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Account small =
        accounts.create(
            SALES,
            draft(
                "F " + tag + " small",
                Map.of(
                    "region", tag, "employees", 10, "founded", "2001-01-01", "revenue", "10.5")));
    Account big =
        accounts.create(
            SALES,
            draft(
                "F " + tag + " big",
                Map.of(
                    "region",
                    tag,
                    "employees",
                    5000,
                    "founded",
                    "1990-06-30",
                    "key_account",
                    true)));
    Account hidden =
        accounts.create(
            OTHER, draft("F " + tag + " hidden", Map.of("region", tag, "employees", 9000)));

    assertThat(ids(SALES, List.of(eq("region", tag)))).containsExactly(big.id(), small.id());
    assertThat(ids(ADMIN, List.of(eq("region", tag))))
        .containsExactly(big.id(), hidden.id(), small.id());
    assertThat(ids(SALES, List.of(eq("region", tag), f("employees", Op.GTE, "100"))))
        .containsExactly(big.id());
    assertThat(ids(SALES, List.of(eq("region", tag), f("founded", Op.LTE, "1999-12-31"))))
        .containsExactly(big.id());
    assertThat(ids(SALES, List.of(eq("region", tag), eq("key_account", "true"))))
        .containsExactly(big.id());
    assertThat(ids(SALES, List.of(eq("region", tag), f("revenue", Op.GTE, "10.50"))))
        .containsExactly(small.id());

    assertThatThrownBy(() -> ids(SALES, List.of(eq("unknown", "x"))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("cf.unknown"));
    assertThatThrownBy(() -> ids(SALES, List.of(f("region", Op.GTE, "a"))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("cf.region.gte"));
    assertThatThrownBy(() -> ids(SALES, List.of(f("employees", Op.LTE, "many"))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void erasingAPersonErasesItsValuesAndTheirHistory() {
    Account a = accounts.create(SALES, draft("Erase " + UUID.randomUUID(), null));
    Contact c =
        accounts.addContact(
            SALES,
            a.id(),
            new ContactDraft("Eve", "Erased", null, null, null, Map.of("nickname", "Evie")));
    new JpaPrivacyService(emf, Clock.systemUTC()).requestErasure(ADMIN, c.id());
    assertThat(accounts.contact(SALES, a.id(), c.id()).customFields()).isEmpty();
    assertThat(audit.history(ADMIN, AuditQuery.ofRecord("contact", c.id(), 10)).items())
        .flatExtracting(AuditEntry::changes)
        .filteredOn(ch -> ch.field().equals("customFields.nickname"))
        .isNotEmpty()
        .allSatisfy(ch -> assertThat(ch.newValue()).isEqualTo("(erased)"));
  }

  private List<UUID> ids(Actor actor, List<CustomFieldFilter> filters) {
    return accounts
        .list(actor, new AccountQuery(null, null, false, AccountSort.NAME_ASC, 50, null, filters))
        .items()
        .stream()
        .map(Account::id)
        .toList();
  }

  private static CustomFieldFilter eq(String key, String value) {
    return new CustomFieldFilter(key, Op.EQ, value);
  }

  private static CustomFieldFilter f(String key, Op op, String value) {
    return new CustomFieldFilter(key, op, value);
  }

  private static AccountDraft draft(String name, Map<String, Object> cf) {
    return new AccountDraft(name, null, null, null, null, cf);
  }

  private static AccountDraft update(Account a, Map<String, Object> cf) {
    return new AccountDraft(a.name(), a.erpRef(), a.taxId(), a.owner(), a.stage(), cf);
  }

  private static CustomFieldDraft text(FieldTarget target, String key, int max) {
    return new CustomFieldDraft(
        target, key, key, FieldType.TEXT, false, max, null, null, null, null, null);
  }

  private static CustomFieldDraft requiredContactText(String key) {
    return new CustomFieldDraft(
        FieldTarget.CONTACT, key, key, FieldType.TEXT, true, null, null, null, null, null, null);
  }

  private static CustomFieldDraft number(String key, BigDecimal min, BigDecimal max) {
    return new CustomFieldDraft(
        FieldTarget.ACCOUNT, key, key, FieldType.NUMBER, false, null, min, max, null, null, null);
  }

  private static CustomFieldDraft enumField(FieldTarget target, String key, List<String> options) {
    return new CustomFieldDraft(
        target, key, key, FieldType.ENUM, false, null, null, null, null, null, options);
  }

  private String lastPayload(UUID accountId) {
    EntityManager em = emf.createEntityManager();
    try {
      List<String> payloads =
          em.createQuery(
                  "select e.payload from OutboxEventEntity e where e.aggregateId = :id"
                      + " and e.type = 'account.updated' order by e.sequence desc",
                  String.class)
              .setParameter("id", accountId.toString())
              .getResultList();
      return payloads.get(0);
    } finally {
      em.close();
    }
  }
}
