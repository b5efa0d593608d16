package org.loopcrm.crm.core.internal.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormaliseTest {

  @Test
  void emailsAreTrimmedAndLowerCased() {
    assertThat(Normalise.email("  John.Smith@Example.COM ")).isEqualTo("john.smith@example.com");
    assertThat(Normalise.email("mailto:a@b.io")).isEqualTo("a@b.io");
    assertThat(Normalise.email("no-at-sign")).isNull();
    assertThat(Normalise.email(null)).isNull();
  }

  @Test
  void phonesBecomeE164() {
    assertThat(Normalise.phone("+49 (30) 123-4567", null)).isEqualTo("+49301234567");
    assertThat(Normalise.phone("0049 30 1234567", null)).isEqualTo("+49301234567");
    assertThat(Normalise.phone("030 1234567", "DE")).isEqualTo("+49301234567");
    assertThat(Normalise.phone("030 1234567", null)).as("national without a region").isNull();
    assertThat(Normalise.phone("", "DE")).isNull();
  }

  @Test
  void namesLoseAccentsPunctuationCaseAndLegalForm() {
    assertThat(Normalise.name("  Müller & Söhne GmbH ", RecordKind.ACCOUNT))
        .isEqualTo("muller sohne");
    assertThat(Normalise.name("ACME, Inc.", RecordKind.ACCOUNT)).isEqualTo("acme");
    assertThat(Normalise.name("GmbH", RecordKind.ACCOUNT))
        .as("nothing but a legal form")
        .isEqualTo("gmbh");
    assertThat(Normalise.name("Jean-Luc  Picard", RecordKind.CONTACT)).isEqualTo("jean luc picard");
    assertThat(Normalise.sortedWords("smith john")).isEqualTo("john smith");
  }

  @Test
  void taxIdsAndErpRefs() {
    assertThat(Normalise.taxId("de 123.456-789")).isEqualTo("DE123456789");
    assertThat(Normalise.erpRef(" ERP-7 ")).isEqualTo("erp-7");
    assertThat(Normalise.erpRef(" ")).isNull();
  }
}
