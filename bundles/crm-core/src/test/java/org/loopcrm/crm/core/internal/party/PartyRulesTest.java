package org.loopcrm.crm.core.internal.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.ExternalRefDraft;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyRoleDraft;
import org.loopcrm.crm.api.party.PostalAddress;
import org.loopcrm.crm.api.party.RoleType;

class PartyRulesTest {

  private static ContactMechanismDraft draft(MechanismKind kind, String value) {
    return new ContactMechanismDraft(kind, value, null, null, null, null, null, null);
  }

  private static String normal(MechanismKind kind, String value) {
    return PartyRules.valid(draft(kind, value)).value();
  }

  private static List<String> fields(ThrowingRunnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e.errors().stream().map(ValidationException.FieldError::field).toList();
    }
    throw new AssertionError("no validation error");
  }

  interface ThrowingRunnable {
    void run();
  }

  @Test
  void emailKeepsTheLocalPartAndLowerCasesTheDomain() {
    assertThat(normal(MechanismKind.EMAIL, "  Ada.Lovelace@Example.COM "))
        .isEqualTo("Ada.Lovelace@example.com");
    assertThat(normal(MechanismKind.EMAIL, "a+b@mail.example.co.uk"))
        .isEqualTo("a+b@mail.example.co.uk");
    for (String bad :
        List.of(
            "no-at",
            "@example.com",
            "a@",
            "a@example",
            "a b@example.com",
            "a@-x.com",
            "a@example.123",
            "a..b@example.com")) {
      assertThat(fields(() -> normal(MechanismKind.EMAIL, bad))).as(bad).containsExactly("value");
    }
  }

  @Test
  void phoneNumbersBecomeE164() {
    assertThat(normal(MechanismKind.PHONE, "+49 30 1234567")).isEqualTo("+49301234567");
    assertThat(normal(MechanismKind.PHONE, "0049 (30) 123-4567")).isEqualTo("+49301234567");
    assertThat(normal(MechanismKind.PHONE, "+44 20 7946 0000")).isEqualTo("+442079460000");
    ContactMechanismDraft national =
        new ContactMechanismDraft(
            MechanismKind.PHONE, "030 1234567", null, "de", null, null, null, null);
    assertThat(PartyRules.valid(national).value()).isEqualTo("+49301234567");
    assertThat(PartyRules.valid(national).phoneRegion()).isNull();
    assertThat(fields(() -> normal(MechanismKind.PHONE, "030 1234567"))).containsExactly("value");
    assertThat(fields(() -> normal(MechanismKind.PHONE, "+49 12"))).containsExactly("value");
    assertThat(fields(() -> normal(MechanismKind.PHONE, "call me"))).containsExactly("value");
    assertThat(
            fields(
                () ->
                    PartyRules.valid(
                        new ContactMechanismDraft(
                            MechanismKind.PHONE, "030 1", null, "XX", null, null, null, null))))
        .containsExactly("phoneRegion");
  }

  @Test
  void webAddressesNeedHttpOrHttpsAndAHost() {
    assertThat(normal(MechanismKind.WEB, "HTTPS://Example.COM")).isEqualTo("https://example.com/");
    assertThat(normal(MechanismKind.WEB, "http://example.com/a/B?x=1"))
        .isEqualTo("http://example.com/a/B?x=1");
    for (String bad : List.of("ftp://example.com", "example.com", "https://", "http://u:p@x.com")) {
      assertThat(fields(() -> normal(MechanismKind.WEB, bad))).as(bad).containsExactly("value");
    }
  }

  @Test
  void socialHandlesNeedANetwork() {
    ContactMechanismDraft d =
        PartyRules.valid(
            new ContactMechanismDraft(
                MechanismKind.SOCIAL, "@ada_l", "LinkedIn", null, null, null, null, null));
    assertThat(d.value()).isEqualTo("ada_l");
    assertThat(d.network()).isEqualTo("linkedin");
    assertThat(fields(() -> normal(MechanismKind.SOCIAL, "ada"))).containsExactly("network");
  }

  @Test
  void postalAddressesAreStructuredWithAnIsoCountry() {
    ContactMechanismDraft d =
        PartyRules.valid(
            new ContactMechanismDraft(
                MechanismKind.POSTAL,
                null,
                null,
                null,
                new PostalAddress(" Hauptstr. 1 ", "Berlin", "10115", null, "de"),
                Set.of(MechanismPurpose.BILLING, MechanismPurpose.PRIMARY),
                null,
                null));
    assertThat(d.address())
        .isEqualTo(new PostalAddress("Hauptstr. 1", "Berlin", "10115", null, "DE"));
    assertThat(d.purposes())
        .containsExactlyInAnyOrder(MechanismPurpose.BILLING, MechanismPurpose.PRIMARY);
    assertThat(
            fields(
                () ->
                    PartyRules.valid(
                        new ContactMechanismDraft(
                            MechanismKind.POSTAL,
                            null,
                            null,
                            null,
                            new PostalAddress(null, "X", null, null, "Germany"),
                            null,
                            null,
                            null))))
        .containsExactlyInAnyOrder("address.street", "address.country");
    assertThat(fields(() -> normal(MechanismKind.POSTAL, null))).containsExactly("address");
  }

  @Test
  void fieldsOfOtherKindsAndBadPeriodsAreRefused() {
    assertThat(
            fields(
                () ->
                    PartyRules.valid(
                        new ContactMechanismDraft(
                            MechanismKind.EMAIL,
                            "a@example.com",
                            "x",
                            null,
                            new PostalAddress("s", "c", null, null, "DE"),
                            null,
                            LocalDate.of(2026, 2, 1),
                            LocalDate.of(2026, 1, 1)))))
        .containsExactlyInAnyOrder("network", "address", "validThru");
    assertThat(fields(() -> PartyRules.valid((ContactMechanismDraft) null)))
        .containsExactly("body");
    assertThat(fields(() -> normal(null, "x"))).containsExactly("kind");
    java.util.Set<MechanismPurpose> withNull = new java.util.HashSet<>();
    withNull.add(null);
    assertThat(
            fields(
                () ->
                    PartyRules.valid(
                        new ContactMechanismDraft(
                            MechanismKind.EMAIL,
                            "a@example.com",
                            null,
                            null,
                            null,
                            withNull,
                            null,
                            null))))
        .containsExactly("purposes");
  }

  @Test
  void rolesReferencesAndTags() {
    LocalDate today = LocalDate.of(2026, 11, 23);
    assertThat(PartyRules.valid(new PartyRoleDraft(RoleType.CUSTOMER, null, null), today))
        .isEqualTo(new PartyRoleDraft(RoleType.CUSTOMER, today, null));
    assertThat(
            fields(
                () -> PartyRules.valid(new PartyRoleDraft(null, today, today.minusDays(1)), today)))
        .containsExactlyInAnyOrder("role", "thruDate");
    assertThat(PartyRules.valid(new ExternalRefDraft(" Tryton ", " P-1 ")))
        .isEqualTo(new ExternalRefDraft("tryton", "P-1"));
    assertThat(fields(() -> PartyRules.valid(new ExternalRefDraft("t", "a\nb"))))
        .containsExactlyInAnyOrder("system", "externalId");
    assertThat(PartyRules.tag(" VIP ")).isEqualTo("vip");
    assertThat(PartyRules.tag("Key-Account_2026")).isEqualTo("key-account_2026");
    assertThatThrownBy(() -> PartyRules.tag("-x")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> PartyRules.tag("a b")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> PartyRules.tag("x".repeat(41)))
        .isInstanceOf(ValidationException.class);
  }
}
