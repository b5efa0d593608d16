package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.sales.ForecastCategory;
import org.loopcrm.crm.api.sales.GateCheck;
import org.loopcrm.crm.api.sales.Opportunity;
import org.loopcrm.crm.api.sales.OpportunityDraft;
import org.loopcrm.crm.api.sales.OpportunityLine;
import org.loopcrm.crm.api.sales.OpportunityType;
import org.loopcrm.crm.api.sales.PipelineDraft;
import org.loopcrm.crm.api.sales.StageKind;
import org.loopcrm.crm.rest.internal.SalesDtos.OpportunityBody;
import org.loopcrm.crm.rest.internal.SalesDtos.OpportunityView;
import org.loopcrm.crm.rest.internal.SalesDtos.PipelineBody;
import org.loopcrm.crm.rest.internal.SalesDtos.StageBody;

class SalesDtosTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void aPipelineBodyIsActiveUnlessToldAndNamesTheStageThatLacksItsKind() throws Exception {
    PipelineBody body =
        mapper.readValue(
            "{\"code\":\"P\",\"name\":\"P\",\"stages\":[{\"code\":\"A\",\"name\":\"A\","
                + "\"kind\":\"OPEN\",\"probability\":10,\"forecastCategory\":\"PIPELINE\","
                + "\"gates\":[\"HAS_LINES\"]}]}",
            PipelineBody.class);
    PipelineDraft d = body.toDraft();
    assertThat(d.active()).isTrue();
    assertThat(d.defaultPipeline()).isFalse();
    assertThat(d.stages().get(0).gates()).containsExactly(GateCheck.HAS_LINES);
    assertThat(d.stages().get(0).requiredFields()).isEmpty();

    PipelineBody noKind =
        new PipelineBody(
            "P",
            "P",
            null,
            null,
            null,
            List.of(
                new StageBody("A", "A", StageKind.OPEN, 1, ForecastCategory.PIPELINE, null, null),
                new StageBody("B", "B", null, 1, ForecastCategory.PIPELINE, null, Set.of())));
    assertThatThrownBy(noKind::toDraft)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("stages[1].kind");
  }

  @Test
  void anOpportunityBodyParsesItsCloseDateOrNamesIt() {
    UUID account = UUID.randomUUID();
    OpportunityDraft d =
        new OpportunityBody(
                account,
                null,
                "Deal",
                OpportunityType.ENGINEER_TO_ORDER,
                null,
                null,
                null,
                null,
                new BigDecimal("10.50"),
                null,
                "2027-02-28",
                null,
                null,
                null,
                null,
                null,
                null)
            .toDraft();
    assertThat(d.closeDate()).isEqualTo(LocalDate.parse("2027-02-28"));
    assertThat(d.type()).isEqualTo(OpportunityType.ENGINEER_TO_ORDER);
    assertThatThrownBy(
            () ->
                new OpportunityBody(
                        account,
                        null,
                        "Deal",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "28.02.2027",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                    .toDraft())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("closeDate");
  }

  @Test
  void theViewShowsTheWeightedAmountAndPlainNumbers() throws Exception {
    Opportunity o =
        new Opportunity(
            UUID.randomUUID(),
            UUID.randomUUID(),
            null,
            "Deal",
            OpportunityType.STANDARD,
            "STANDARD",
            "PROPOSAL",
            StageKind.OPEN,
            50,
            ForecastCategory.BEST_CASE,
            new BigDecimal("1085.35"),
            "EUR",
            LocalDate.parse("2027-01-31"),
            "sales",
            null,
            null,
            null,
            null,
            List.of(
                new OpportunityLine(
                    UUID.randomUUID(),
                    "BELT-5",
                    "Belt",
                    new BigDecimal("3.0000"),
                    new BigDecimal("120.5000"),
                    new BigDecimal("10.00"),
                    new BigDecimal("325.35"),
                    null)),
            List.of(),
            null,
            null,
            null,
            3,
            Instant.parse("2026-11-23T10:00:00Z"),
            Instant.parse("2026-11-23T10:00:00Z"));
    String json = mapper.writeValueAsString(OpportunityView.of(o));
    assertThat(json)
        .contains("\"weightedAmount\":542.68")
        .contains("\"quantity\":3")
        .contains("\"unitPrice\":120.5")
        .contains("\"closeDate\":\"2027-01-31\"");
  }
}
