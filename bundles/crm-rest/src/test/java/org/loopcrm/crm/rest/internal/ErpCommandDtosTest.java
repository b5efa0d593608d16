package org.loopcrm.crm.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.erp.ErpCommandRequest;
import org.loopcrm.crm.rest.internal.ErpCommandDtos.BomLineBody;
import org.loopcrm.crm.rest.internal.ErpCommandDtos.CommandBody;
import org.loopcrm.crm.rest.internal.ErpCommandDtos.ProductionBody;
import org.loopcrm.crm.rest.internal.ErpCommandDtos.ProjectBody;
import org.loopcrm.crm.rest.internal.ErpCommandDtos.SaleBody;
import org.loopcrm.crm.rest.internal.ErpCommandDtos.SaleLineBody;
import org.loopcrm.crm.rest.internal.ErpCommandDtos.TaskBody;

class ErpCommandDtosTest {
  private static final SaleBody SALE =
      new SaleBody(
          "PO-1",
          null,
          null,
          List.of(new SaleLineBody("SERVICE", new BigDecimal("2"), new BigDecimal("80"), null)));

  @Test
  void aSaleIsConfirmedUnlessToldOtherwise() {
    ErpCommandRequest r = new CommandBody("sale", "k1", null, SALE, null, null).toRequest();
    assertThat(r).isInstanceOf(ErpCommandRequest.Sale.class);
    ErpCommandRequest.Sale sale = (ErpCommandRequest.Sale) r;
    assertThat(sale.confirm()).isTrue();
    assertThat(sale.lines()).hasSize(1);
    assertThat(sale.lines().get(0).productCode()).isEqualTo("SERVICE");
  }

  @Test
  void theKindNamesTheOneSectionThatMustBeThere() {
    assertThatThrownBy(() -> new CommandBody(null, null, null, SALE, null, null).toRequest())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("kind");
    assertThatThrownBy(
            () -> new CommandBody("PRODUCTION", null, null, SALE, null, null).toRequest())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("production");
    ProjectBody project = new ProjectBody("Line 4", null, List.of(new TaskBody("Design", null)));
    assertThatThrownBy(() -> new CommandBody("SALE", null, null, SALE, null, project).toRequest())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("only one");
    assertThatThrownBy(
            () ->
                new CommandBody(
                        "SALE", null, null, new SaleBody(null, null, true, null), null, null)
                    .toRequest())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("sale.lines");
  }

  @Test
  void aProductionNeedsAnIsoDateAndKeepsItsBom() {
    ProductionBody bad =
        new ProductionBody("ASSEMBLY", BigDecimal.ONE, "next week", null, null, null);
    assertThatThrownBy(() -> new CommandBody("production", null, null, null, bad, null).toRequest())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("plannedStart");
    ProductionBody good =
        new ProductionBody(
            "ASSEMBLY",
            BigDecimal.ONE,
            "2026-12-01",
            List.of(new BomLineBody("WIDGET", new BigDecimal("2"))),
            null,
            "CTO-7");
    ErpCommandRequest.Production p =
        (ErpCommandRequest.Production)
            new CommandBody("production", null, null, null, good, null).toRequest();
    assertThat(p.plannedStart()).hasToString("2026-12-01");
    assertThat(p.bom()).hasSize(1);
    assertThat(ProductionBody.of(p)).isEqualTo(good);
  }

  @Test
  void aChangedSaleShowsItsLinesAndAReducedOrderBodyNamesWhatIsMissing() throws Exception {
    ErpCommandDtos.ChangeView view =
        ErpCommandDtos.ChangeView.of(
            new ErpCommandRequest.ChangeSale(
                java.util.UUID.randomUUID(),
                List.of(
                    new org.loopcrm.crm.api.erp.port.SaleLineChange(2, new BigDecimal("10.0000"))),
                "smaller"));
    assertThat(view.op()).isEqualTo("change-sale");
    String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(view);
    assertThat(json).contains("\"lines\":[{\"position\":2,\"quantity\":10}]");

    QuoteDtos.ReduceBody body =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(
                "{\"lines\":[{\"position\":1,\"quantity\":2}],\"reason\":\"less\"}",
                QuoteDtos.ReduceBody.class);
    assertThat(body.toLines())
        .containsExactly(new org.loopcrm.crm.api.quote.LineQuantity(1, new BigDecimal("2")));
    assertThatThrownBy(
            () ->
                new QuoteDtos.ReduceBody(List.of(new QuoteDtos.LineQuantityBody(1, null)), "less")
                    .toLines())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("lines[0].quantity");
  }
}
