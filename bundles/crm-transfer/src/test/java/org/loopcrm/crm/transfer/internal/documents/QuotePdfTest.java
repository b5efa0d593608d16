package org.loopcrm.crm.transfer.internal.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.quote.LineAvailability;
import org.loopcrm.crm.api.quote.Quote;
import org.loopcrm.crm.api.quote.QuoteLine;
import org.loopcrm.crm.api.quote.QuoteStatus;

class QuotePdfTest {
  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

  private static Quote quote(int lines, String terms) {
    List<QuoteLine> l = new ArrayList<>();
    for (int i = 1; i <= lines; i++) {
      l.add(
          new QuoteLine(
              i,
              "BELT-" + i,
              "Belt ünd Zubehör 日本",
              new BigDecimal("3.0000"),
              new BigDecimal("120.5000"),
              new BigDecimal("10.00"),
              new BigDecimal("325.35"),
              null,
              i == 1
                  ? new LineAvailability(
                      new BigDecimal("1"), new BigDecimal("5"), true, "u", T, null)
                  : null));
    }
    return new Quote(
        UUID.randomUUID(),
        "Q-000042",
        2,
        UUID.randomUUID(),
        UUID.randomUUID(),
        null,
        QuoteStatus.SENT,
        "EUR",
        LocalDate.parse("2026-12-23"),
        LocalDate.parse("2026-12-15"),
        terms,
        l,
        new BigDecimal("1121.50"),
        new BigDecimal("36.15"),
        new BigDecimal("1085.35"),
        null,
        null,
        null,
        null,
        null,
        T,
        null,
        null,
        null,
        null,
        3,
        "sales",
        T,
        T);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages() + "|" + new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void theQuoteReadsBackWithItsLinesTotalsAndAvailability() throws Exception {
    byte[] pdf =
        new QuotePdf()
            .pdf(quote(2, "Net 30 days.\nDelivery ex works."), "Globex Corporation", "Ann Buyer");
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    String text = text(pdf);
    assertThat(text)
        .startsWith("1|")
        .contains("Quote Q-000042 / revision 2")
        .contains("For: Globex Corporation")
        .contains("Attention: Ann Buyer")
        .contains("Valid until: 2026-12-23")
        .contains("BELT-1")
        .contains("120.5")
        .contains("Belt ünd Zubehör ??")
        .contains("Available (in stock 1, expected 5 u")
        .contains("Total: 1085.35 EUR")
        .contains("Delivery ex works.");
  }

  @Test
  void aLongQuoteGoesOnToFurtherPages() throws Exception {
    String text = text(new QuotePdf().pdf(quote(120, null), "Globex", null));
    assertThat(Integer.parseInt(text.substring(0, text.indexOf('|')))).isGreaterThan(1);
    assertThat(text)
        .contains("BELT-120")
        .contains("Total: 1085.35 EUR")
        .doesNotContain("Attention");
  }
}
