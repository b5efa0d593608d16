package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.account.Account;
import org.loopcrm.crm.api.account.AccountStatus;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.customfield.CustomField;
import org.loopcrm.crm.api.customfield.FieldTarget;
import org.loopcrm.crm.api.customfield.FieldType;
import org.loopcrm.crm.api.search.SearchHit;
import org.loopcrm.crm.api.search.SearchKind;

/** Custom fields and search print as tables. */
class MasterDataShellOutputTest {

  private static String capture(java.util.function.Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void accountShowListsCustomFieldValues() {
    Account a =
        new Account(
            UUID.randomUUID(),
            "Acme",
            null,
            null,
            "sales",
            LifecycleStage.PROSPECT,
            AccountStatus.ACTIVE,
            null,
            1,
            Instant.EPOCH,
            Instant.EPOCH,
            Map.of("tier", "gold", "founded", LocalDate.of(1999, 4, 1)));
    String out = capture(p -> AccountShowCommand.print(a, List.of(), p));
    assertThat(out)
        .contains("cf.tier")
        .contains("gold")
        .contains("cf.founded")
        .contains("1999-04-01");
  }

  @Test
  void fieldListShowsTypesAndConstraints() {
    CustomField f =
        new CustomField(
            FieldTarget.ACCOUNT,
            "tier",
            "Tier",
            FieldType.ENUM,
            true,
            null,
            null,
            null,
            null,
            null,
            List.of("gold", "silver"),
            0,
            Instant.EPOCH,
            Instant.EPOCH);
    CustomField n =
        new CustomField(
            FieldTarget.CONTACT,
            "age",
            "Age",
            FieldType.INTEGER,
            false,
            null,
            BigDecimal.ZERO,
            new BigDecimal("150"),
            null,
            null,
            List.of(),
            2,
            Instant.EPOCH,
            Instant.EPOCH);
    String out = capture(p -> FieldListCommand.print(List.of(f, n), p));
    assertThat(out).contains("tier").contains("ENUM").contains("gold|silver").contains("yes");
    assertThat(out).contains("CONTACT").contains("min 0 max 150");
  }

  @Test
  void searchShowsKindLabelAndWhatMatched() {
    UUID id = UUID.randomUUID();
    String out =
        capture(
            p ->
                SearchCommand.print(
                    List.of(
                        new SearchHit(
                            SearchKind.MECHANISM, id, id, "Acme", "email", "info@acme.example", 1)),
                    p));
    assertThat(out).contains("MECHANISM").contains("email: info@acme.example").contains("1.00");
  }
}
