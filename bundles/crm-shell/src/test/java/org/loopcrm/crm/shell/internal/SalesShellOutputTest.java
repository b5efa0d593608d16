package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.sales.Competitor;
import org.loopcrm.crm.api.sales.ForecastCategory;
import org.loopcrm.crm.api.sales.GateCheck;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityLine;
import org.loopcrm.crm.api.sales.OpportunityType;
import org.loopcrm.crm.api.sales.Pipeline;
import org.loopcrm.crm.api.sales.Stage;
import org.loopcrm.crm.api.sales.StageChange;
import org.loopcrm.crm.api.sales.StageKind;

class SalesShellOutputTest {
  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

  private static String capture(java.util.function.Consumer<PrintStream> print) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    print.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Opportunity lost() {
    return new Opportunity(
        UUID.fromString("00000000-0000-0000-0000-0000000000f1"),
        UUID.fromString("00000000-0000-0000-0000-0000000000a1"),
        null,
        "Line 4 conveyors",
        OpportunityType.CONFIGURE_TO_ORDER,
        "STANDARD",
        "LOST",
        StageKind.LOST,
        0,
        ForecastCategory.OMITTED,
        new BigDecimal("325.35"),
        "EUR",
        LocalDate.parse("2026-11-23"),
        "sales",
        null,
        null,
        null,
        null,
        List.of(
            new OpportunityLine(
                UUID.randomUUID(),
                "BELT-5",
                "Belt 5 m",
                new BigDecimal("3.0000"),
                new BigDecimal("120.5000"),
                new BigDecimal("10.00"),
                new BigDecimal("325.35"),
                null)),
        List.of(new Competitor("Acme Conveyors", "cheaper")),
        "price",
        "Acme Conveyors",
        T,
        4,
        T,
        T);
  }

  @Test
  void anOpportunityShowsItsStageLinesReasonAndHistory() {
    String out =
        capture(
            o ->
                OpportunityShowCommand.print(
                    lost(),
                    List.of(
                        new StageChange(
                            T,
                            "sales",
                            null,
                            "PROSPECTING",
                            10,
                            ForecastCategory.PIPELINE,
                            BigDecimal.ZERO,
                            null),
                        new StageChange(
                            T,
                            "sales",
                            "PROSPECTING",
                            "LOST",
                            0,
                            ForecastCategory.OMITTED,
                            new BigDecimal("325.35"),
                            "price")),
                    o));
    assertThat(out)
        .contains("STANDARD / LOST (LOST, 0%, OMITTED)")
        .contains("325.35 EUR (weighted 0.00)")
        .contains("reason:    price (to Acme Conveyors)")
        .contains("competitor: Acme Conveyors - cheaper")
        .contains("BELT-5")
        .contains("120.5")
        .contains("PROSPECTING");
  }

  @Test
  void listsAndPipelinesAreTables() {
    String list =
        capture(
            o -> OpportunityListCommand.print(new Page<>(List.of(lost()), Optional.empty()), o));
    assertThat(list).contains("Line 4 conveyors").contains("LOST (LOST)").contains("325.35 EUR");
    Pipeline p =
        new Pipeline(
            "STANDARD",
            "Standard sales",
            null,
            true,
            true,
            List.of(
                new Stage(
                    "PROPOSAL",
                    "Proposal",
                    StageKind.OPEN,
                    50,
                    ForecastCategory.BEST_CASE,
                    List.of("amount"),
                    Set.of(GateCheck.HAS_CONTACT)),
                new Stage(
                    "WON",
                    "Won",
                    StageKind.WON,
                    100,
                    ForecastCategory.CLOSED,
                    List.of(),
                    Set.of())),
            0,
            T);
    String pipelines = capture(o -> PipelineListCommand.print(List.of(p), o));
    assertThat(pipelines)
        .contains("STANDARD  Standard sales  (default)")
        .contains("amount, HAS_CONTACT")
        .contains("50%");
  }

  @Test
  void aQuoteShowsItsApprovalCreditSaleAndLineAvailability() {
    org.loopcrm.crm.api.quote.Quote q =
        new org.loopcrm.crm.api.quote.Quote(
            UUID.fromString("00000000-0000-0000-0000-0000000000e1"),
            "Q-000042",
            2,
            UUID.fromString("00000000-0000-0000-0000-0000000000f1"),
            UUID.fromString("00000000-0000-0000-0000-0000000000a1"),
            null,
            org.loopcrm.crm.api.quote.QuoteStatus.ACCEPTED,
            "EUR",
            LocalDate.parse("2026-12-23"),
            null,
            null,
            List.of(
                new org.loopcrm.crm.api.quote.QuoteLine(
                    1,
                    "BELT-5",
                    "Belt",
                    new BigDecimal("3.0000"),
                    new BigDecimal("120.5000"),
                    new BigDecimal("20.00"),
                    new BigDecimal("289.20"),
                    null,
                    new org.loopcrm.crm.api.quote.LineAvailability(
                        BigDecimal.ONE, new BigDecimal("5.0000"), true, "u", T, null),
                    new BigDecimal("2.0000")),
                new org.loopcrm.crm.api.quote.QuoteLine(
                    2,
                    "SERVICE",
                    "Install",
                    BigDecimal.ONE,
                    BigDecimal.TEN,
                    BigDecimal.ZERO,
                    BigDecimal.TEN,
                    null,
                    new org.loopcrm.crm.api.quote.LineAvailability(
                        null, null, false, null, T, "Tryton product SERVICE does not exist"))),
            new BigDecimal("371.50"),
            new BigDecimal("72.30"),
            new BigDecimal("299.20"),
            "line 1 (BELT-5) is discounted 20%, over the 15% that needs approval",
            "boss",
            "ok this once",
            new org.loopcrm.crm.api.quote.Quote.CreditSummary(
                new BigDecimal("10000"), new BigDecimal("9500"), true),
            null,
            T,
            UUID.fromString("00000000-0000-0000-0000-0000000000c1"),
            org.loopcrm.crm.api.erp.ErpCommand.Status.DONE,
            null,
            T,
            7,
            "sales",
            T,
            T);
    String out = capture(o -> QuoteCommand.print(q, o));
    assertThat(out)
        .contains("Quote Q-000042/2  ACCEPTED")
        .contains("total: 299.20 EUR (subtotal 371.50, discount 72.30)")
        .contains("approved by boss")
        .contains("credit: fits (limit 10000, exposure 9500)")
        .contains("ERP sale: DONE")
        .contains("yes (forecast 5)")
        .contains("? Tryton product SERVICE does not exist")
        .contains("On order");
    assertThat(
            out.lines()
                .filter(l -> l.contains("Belt") || l.contains("| BELT-5"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .strip())
        .endsWith("2");
    String list = capture(o -> QuoteListCommand.print(List.of(q), o));
    assertThat(list).contains("Q-000042/2").contains("299.20 EUR").contains("DONE");
  }

  @Test
  void reducedLinesAreGivenAsPositionEqualsQuantity() {
    assertThat(QuoteCommand.lineQuantities(List.of("1=2", " 3 = 0 ")))
        .containsExactly(
            new org.loopcrm.crm.api.quote.LineQuantity(1, new BigDecimal("2")),
            new org.loopcrm.crm.api.quote.LineQuantity(3, new BigDecimal("0")));
    assertThatThrownBy(() -> QuoteCommand.lineQuantities(List.of("1:2")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("'1:2' is not <position>=<quantity>");
    assertThatThrownBy(() -> QuoteCommand.lineQuantities(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("--line");
  }

  @Test
  void aBadStatusIsNamed() {
    assertThatThrownBy(() -> OpportunityListCommand.status("open-ish"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("status");
    assertThat(OpportunityListCommand.status("won")).isEqualTo(StageKind.WON);
  }
}
