package org.loopcrm.crm.api.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;

class InvoicePostedTest {
  @Test
  void aCompleteFactIsValid() {
    InvoicePosted f =
        new InvoicePosted(
            "m1", "tryton", "P-1", "INV-1", new BigDecimal("-10.5"), "EUR", Instant.EPOCH);
    assertThat(f.amount()).isEqualByComparingTo("-10.5");
  }

  @Test
  void everyMissingOrBadFieldIsNamed() {
    assertThatThrownBy(
            () -> new InvoicePosted(" ", null, "P 1".repeat(30), null, null, "eur", null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly(
                        "messageId",
                        "erpSystem",
                        "customerRef",
                        "invoiceNumber",
                        "amount",
                        "currency",
                        "postedAt"));
  }

  @Test
  void amountsBeyondTheColumnAreRefused() {
    assertThatThrownBy(
            () ->
                new InvoicePosted(
                    "m", "e", "c", "i", new BigDecimal("1.00001"), "EUR", Instant.EPOCH))
        .hasMessageContaining("amount");
    assertThatThrownBy(
            () ->
                new InvoicePosted("m", "e", "c", "i", new BigDecimal("1e16"), "EUR", Instant.EPOCH))
        .hasMessageContaining("amount");
  }
}
