package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.erp.ErpCommand;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.api.eto.Bom;
import org.loopcrm.crm.api.eto.BomStatus;
import org.loopcrm.crm.api.eto.CostCategory;
import org.loopcrm.crm.api.eto.CostLine;
import org.loopcrm.crm.api.eto.EngineeringRequest;
import org.loopcrm.crm.api.eto.EngineeringStatus;
import org.loopcrm.crm.api.eto.EngineeringTask;
import org.loopcrm.crm.api.eto.Estimate;
import org.loopcrm.crm.api.eto.Feasibility;
import org.loopcrm.crm.api.eto.FeasibilityDecision;

class EtoShellTest {
  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void aRequestShowsItsVerdictEstimateTasksBomsAndCommands() {
    EngineeringRequest r =
        new EngineeringRequest(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "PRESS-40",
            new BigDecimal("2.0000"),
            "40 t",
            EngineeringStatus.WON,
            new FeasibilityDecision(Feasibility.FEASIBLE_WITH_CHANGES, "60 t frame", "manager", T),
            new Estimate(
                List.of(
                    new CostLine(
                        CostCategory.MATERIAL, "steel", BigDecimal.ONE, new BigDecimal("1000"))),
                Map.of(
                    CostCategory.MATERIAL, new BigDecimal("1000.00"),
                    CostCategory.LABOUR, new BigDecimal("0.00"),
                    CostCategory.SUBCONTRACT, new BigDecimal("0.00"),
                    CostCategory.OVERHEAD, new BigDecimal("0.00")),
                new BigDecimal("1000.00"),
                new BigDecimal("25.00"),
                new BigDecimal("1250.00"),
                "sales",
                T),
            List.of(new EngineeringTask("Design", new BigDecimal("16.00"))),
            List.of(
                new Bom(
                    1,
                    BomStatus.RELEASED,
                    List.of(new BomLine("FRAME", new BigDecimal("1.0000"))),
                    "sales",
                    T,
                    "manager",
                    T)),
            List.of(),
            null,
            UUID.randomUUID(),
            ErpCommand.Status.DONE,
            UUID.randomUUID(),
            ErpCommand.Status.PENDING,
            7,
            "sales",
            T,
            T);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EtoShowCommand.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("WON  version 7")
        .contains("product: PRESS-40 x 2")
        .contains("feasibility: FEASIBLE_WITH_CHANGES by manager - 60 t frame")
        .contains("cost 1000.00 (material 1000.00, labour 0.00, subcontract 0.00, overhead 0.00)")
        .contains("margin 25% -> price 1250.00")
        .contains("task: Design (16 h)")
        .contains("BOM r1 RELEASED: FRAME x 1")
        .contains("ERP project: DONE")
        .contains("ERP production: PENDING");
  }

  @Test
  void anUnknownVerdictIsNamedBeforeAnythingIsAsked() {
    EtoFeasibilityCommand c = new EtoFeasibilityCommand();
    c.id = UUID.randomUUID().toString();
    c.verdict = "maybe";
    assertThatThrownBy(c::execute)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("verdict"));
  }
}
