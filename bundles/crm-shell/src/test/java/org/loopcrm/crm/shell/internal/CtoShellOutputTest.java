package org.loopcrm.crm.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.cto.BrokenConstraint;
import org.loopcrm.crm.api.cto.Constraint;
import org.loopcrm.crm.api.cto.Domain;
import org.loopcrm.crm.api.cto.PriceLine;
import org.loopcrm.crm.api.cto.Propagation;
import org.loopcrm.crm.api.cto.RoutingStep;
import org.loopcrm.crm.api.erp.port.BomLine;

class CtoShellOutputTest {
  private static String out(Consumer<PrintStream> print) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    print.accept(new PrintStream(b, true, StandardCharsets.UTF_8));
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void openAttributesShowTheirRemainingValues() {
    Propagation p =
        new Propagation(
            "DOOR",
            1,
            Map.of("type", "HIGHSPEED"),
            true,
            false,
            List.of(
                new Domain("drive", List.of("M3"), null, null),
                new Domain("width", List.of(), 1500, 8000)),
            List.of(),
            "EUR",
            List.of(),
            null,
            List.of(),
            List.of());
    String s = out(o -> ConfigureCommand.print(p, o));
    assertThat(s).contains("valid so far").contains("drive").contains("M3").contains("1500..8000");
  }

  @Test
  void aContradictionNamesTheRulesItBreaks() {
    Propagation p =
        new Propagation(
            "DOOR",
            1,
            Map.of(),
            false,
            false,
            List.of(),
            List.of(new BrokenConstraint(0, "A high-speed door needs the 200 Nm drive")),
            "EUR",
            List.of(),
            null,
            List.of(),
            List.of());
    assertThat(out(o -> ConfigureCommand.print(p, o)))
        .contains("contradict")
        .contains("[0] A high-speed door needs the 200 Nm drive");
  }

  @Test
  void aCompleteConfigurationShowsPriceBomAndRouting() {
    Propagation p =
        new Propagation(
            "DOOR",
            2,
            Map.of(),
            true,
            true,
            List.of(),
            List.of(),
            "EUR",
            List.of(new PriceLine("Industrial door", new BigDecimal("1800.00"))),
            new BigDecimal("1800.00"),
            List.of(new BomLine("PANEL-S40-M2", new BigDecimal("5.25"))),
            List.of(new RoutingStep(10, "Cut panels", "SAW", new BigDecimal("15.75"))));
    assertThat(out(o -> ConfigureCommand.print(p, o)))
        .contains("DOOR rev 2: complete")
        .contains("Total")
        .contains("1800.00")
        .contains("PANEL-S40-M2")
        .contains("5.25")
        .contains("Cut panels")
        .contains("15.75 min");
  }

  @Test
  void constraintsAreDescribedInOneLine() {
    assertThat(
            ModelShowCommand.describe(
                new Constraint.Range("Manual doors are low", "height", 1500, 3000, "drive = 'M'")))
        .isEqualTo("Manual doors are low (range: height in [1500, 3000] when drive = 'M')");
  }
}
