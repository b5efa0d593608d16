package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.erp.DocumentKind;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.ErpCommandRequest;
import org.loopcrm.crm.api.erp.ErpDocument;
import org.loopcrm.crm.api.erp.ErpSnapshot;
import org.loopcrm.crm.api.erp.StreamPosition;
import org.loopcrm.crm.api.erp.SyncConflict;
import org.loopcrm.crm.api.erp.Watermark;
import org.loopcrm.crm.api.erp.port.SaleLine;

class ErpShellOutputTest {
  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final UUID C = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
  private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");

  @Test
  void commandsShowTheirDocumentOrWhyTheErpRefusedThem() {
    ErpCommand done =
        new ErpCommand(
            C,
            A,
            "tryton",
            "quote-7",
            new ErpCommandRequest.Project("Line 4", List.of(), null),
            ErpCommand.Status.DONE,
            "12",
            "P-12",
            "Open",
            null,
            1,
            "ann",
            T,
            T);
    ErpCommand failed =
        new ErpCommand(
            A,
            A,
            null,
            "k",
            new ErpCommandRequest.Sale(
                null, null, List.of(new SaleLine("NOPE", BigDecimal.ONE, null, null)), true),
            ErpCommand.Status.FAILED,
            null,
            null,
            null,
            "no product NOPE",
            2,
            "ann",
            T,
            T);
    String out =
        capture(
            ps ->
                ErpCommandsCommand.print(new Page<>(List.of(done, failed), Optional.empty()), ps));
    assertThat(out).contains("PROJECT").contains("DONE").contains("P-12 (Open)");
    assertThat(out).contains("SALE").contains("FAILED").contains("no product NOPE");
  }

  @Test
  void theSnapshotSaysWhenTheCreditLimitIsExceededAndListsDocuments() {
    String out =
        capture(
            ps ->
                ErpAccountCommand.print(
                    new ErpSnapshot(
                        A,
                        new BigDecimal("1200"),
                        new BigDecimal("40"),
                        new BigDecimal("1000"),
                        "EUR",
                        3,
                        "INV-3",
                        1,
                        T,
                        null,
                        Map.of(DocumentKind.SHIPMENT, 1L, DocumentKind.SALE, 2L)),
                    ps));
    assertThat(out)
        .isEqualTo(
            "Receivable: 1200 EUR, credit limit 1000 EUR (EXCEEDED)\n"
                + "Overdue: 40 EUR\n"
                + "Invoices: 3, last INV-3; payments: 1, last 2026-06-01T10:00:00Z\n"
                + "ERP balance as of: never sent\n"
                + "Documents: SALE 2, SHIPMENT 1\n");
    String docs =
        capture(
            ps ->
                ErpAccountCommand.print(
                    A.toString(),
                    new Page<>(
                        List.of(
                            new ErpDocument(
                                A,
                                "tryton",
                                DocumentKind.SALE,
                                "42",
                                "SO-42",
                                "confirmed",
                                new BigDecimal("99.5"),
                                "EUR",
                                null,
                                T,
                                T),
                            new ErpDocument(
                                A,
                                "tryton",
                                DocumentKind.PROJECT,
                                "7",
                                null,
                                "opened",
                                null,
                                null,
                                null,
                                T,
                                T)),
                        Optional.of("CUR")),
                    ps));
    assertThat(docs)
        .contains("SO-42")
        .contains("99.5 EUR")
        .contains("PROJECT")
        .contains("more: crm:erp-account " + A + " --cursor CUR");
  }

  @Test
  void aConflictListsEachFieldWithBothValues() {
    SyncConflict c =
        new SyncConflict(
            C,
            A,
            "tryton",
            "C-1",
            Map.of("name", "Erp GmbH", "email", "a@erp.example"),
            Map.of("name", "Crm GmbH"),
            SyncConflict.Status.OPEN,
            T,
            null,
            null);
    assertThat(
            capture(
                ps ->
                    ErpConflictsCommand.print(new Page<>(List.of(c), Optional.empty()), false, ps)))
        .isEqualTo(
            C
                + "  OPEN     account "
                + A
                + "  tryton C-1  detected 2026-06-01T10:00:00Z\n"
                + "    email  CRM (none)  ERP 'a@erp.example'\n"
                + "    name   CRM 'Crm GmbH'  ERP 'Erp GmbH'\n");
    assertThat(
            capture(
                ps ->
                    ErpConflictsCommand.print(new Page<>(List.of(), Optional.empty()), false, ps)))
        .isEqualTo("no open conflicts\n");
  }

  @Test
  void resolutionsAreReadInAnySpelling() {
    assertThat(ErpResolveCommand.resolution("took-erp")).isEqualTo(SyncConflict.Status.TOOK_ERP);
    assertThat(ErpResolveCommand.resolution("KEPT_CRM")).isEqualTo(SyncConflict.Status.KEPT_CRM);
    assertThat(ErpResolveCommand.resolution("open")).isNull();
  }

  @Test
  void streamsShowTheirWatermark() {
    String out =
        capture(
            ps ->
                ErpStreamsCommand.print(
                    List.of(new StreamPosition("tryton", "party", new Watermark(T, 17), T)), ps));
    assertThat(out)
        .contains("tryton")
        .contains("party")
        .contains("2026-06-01T10:00:00Z")
        .contains("17");
    assertThat(capture(ps -> ErpStreamsCommand.print(List.of(), ps)))
        .isEqualTo("no stream polled yet\n");
  }

  private static String capture(java.util.function.Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    print.accept(ps);
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Test
  void availabilityAndCreditSayTheVerdictInWords() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out =
        new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);

    ErpAvailabilityCommand.print(
        new org.loopcrm.crm.api.erp.port.Availability(
            "WIDGET",
            "WH",
            java.time.LocalDate.of(2026, 12, 1),
            new java.math.BigDecimal("5"),
            new java.math.BigDecimal("100"),
            new java.math.BigDecimal("3"),
            "u",
            T),
        out);
    ErpCreditCommand.print(
        new org.loopcrm.crm.api.erp.CreditCheck(
            A,
            "tryton",
            new org.loopcrm.crm.api.erp.port.CreditStatus(
                "42",
                new java.math.BigDecimal("900"),
                null,
                new java.math.BigDecimal("1000"),
                "EUR",
                T),
            new java.math.BigDecimal("200"),
            false),
        out);

    String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text)
        .contains("WIDGET x 5 u on 2026-12-01 in WH: NOT AVAILABLE")
        .contains("On hand: 100 u; forecast at the date: 3 u")
        .contains("Receivable in tryton (party 42): 900 EUR, credit limit 1000 EUR")
        .contains("An order of 200 EUR goes OVER the credit limit.");
  }
}
