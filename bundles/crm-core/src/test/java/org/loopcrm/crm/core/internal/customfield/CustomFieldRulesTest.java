package org.loopcrm.crm.core.internal.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.customfield.CustomField;
import org.loopcrm.crm.api.customfield.CustomFieldDraft;
import org.loopcrm.crm.api.customfield.FieldTarget;
import org.loopcrm.crm.api.customfield.FieldType;

class CustomFieldRulesTest {

  private static CustomField field(FieldType type) {
    return new CustomField(
        FieldTarget.ACCOUNT,
        "f",
        "F",
        type,
        false,
        type == FieldType.TEXT ? 5 : null,
        type == FieldType.INTEGER ? BigDecimal.ZERO : null,
        type == FieldType.NUMBER ? new BigDecimal("100") : null,
        type == FieldType.DATE ? LocalDate.of(2000, 1, 1) : null,
        null,
        type == FieldType.ENUM ? List.of("a", "b") : List.of(),
        0,
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @Test
  void valuesBecomeTheirTypeInCanonicalForm() {
    assertThat(CustomFieldRules.typed(field(FieldType.TEXT), " abc ")).isEqualTo("abc");
    assertThat(CustomFieldRules.typed(field(FieldType.NUMBER), "12.500"))
        .isEqualTo(new BigDecimal("12.5"));
    assertThat(CustomFieldRules.typed(field(FieldType.NUMBER), 50)).isEqualTo(new BigDecimal("50"));
    assertThat(CustomFieldRules.typed(field(FieldType.NUMBER), new BigDecimal("1E+1")).toString())
        .isEqualTo("10");
    assertThat(CustomFieldRules.typed(field(FieldType.INTEGER), "42")).isEqualTo(42L);
    assertThat(CustomFieldRules.typed(field(FieldType.INTEGER), new BigDecimal("7.0")))
        .isEqualTo(7L);
    assertThat(CustomFieldRules.typed(field(FieldType.DATE), "2020-02-29"))
        .isEqualTo(LocalDate.of(2020, 2, 29));
    assertThat(CustomFieldRules.typed(field(FieldType.BOOLEAN), "TRUE")).isEqualTo(true);
    assertThat(CustomFieldRules.typed(field(FieldType.ENUM), "b")).isEqualTo("b");
    assertThat(CustomFieldRules.typed(field(FieldType.TEXT), "  ")).isNull();
    assertThat(CustomFieldRules.typed(field(FieldType.TEXT), null)).isNull();
  }

  @Test
  void wrongTypesAndConstraintViolationsNameTheField() {
    Object[][] bad = {
      {FieldType.TEXT, "toolong"},
      {FieldType.TEXT, 5},
      {FieldType.NUMBER, "101"},
      {FieldType.NUMBER, "x"},
      {FieldType.NUMBER, "0.00000000001"},
      {FieldType.INTEGER, "1.5"},
      {FieldType.INTEGER, -1},
      {FieldType.DATE, "1999-12-31"},
      {FieldType.DATE, "31.12.2020"},
      {FieldType.BOOLEAN, "yes"},
      {FieldType.ENUM, "c"},
    };
    for (Object[] c : bad) {
      assertThatThrownBy(() -> CustomFieldRules.typed(field((FieldType) c[0]), c[1]))
          .as("%s %s", c[0], c[1])
          .isInstanceOfSatisfying(
              ValidationException.class,
              e ->
                  assertThat(e.errors())
                      .extracting(FieldError::field)
                      .containsExactly("customFields.f"));
    }
  }

  @Test
  void definitionsAreCheckedAndTrimmed() {
    CustomFieldDraft d =
        CustomFieldRules.validDraft(
            new CustomFieldDraft(
                FieldTarget.CONTACT,
                " shoe_size ",
                " Shoe ",
                FieldType.TEXT,
                false,
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(d.key()).isEqualTo("shoe_size");
    assertThat(d.label()).isEqualTo("Shoe");
    assertThat(d.maxLength()).isEqualTo(CustomFieldRules.MAX_TEXT);
    assertThatThrownBy(
            () ->
                CustomFieldRules.validDraft(
                    new CustomFieldDraft(
                        null, "9x", "", null, false, null, null, null, null, null, null)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("target", "key", "label", "type"));
    assertThatThrownBy(
            () ->
                CustomFieldRules.validDraft(
                    new CustomFieldDraft(
                        FieldTarget.ACCOUNT,
                        "e",
                        "E",
                        FieldType.ENUM,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("a", "a"))))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(
            () ->
                CustomFieldRules.validDraft(
                    new CustomFieldDraft(
                        FieldTarget.ACCOUNT,
                        "n",
                        "N",
                        FieldType.INTEGER,
                        false,
                        null,
                        new BigDecimal("0.5"),
                        BigDecimal.ONE,
                        null,
                        null,
                        null)))
        .hasMessageContaining("whole number");
  }
}
