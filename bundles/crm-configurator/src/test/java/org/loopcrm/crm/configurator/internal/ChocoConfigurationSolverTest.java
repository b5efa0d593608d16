package org.loopcrm.crm.configurator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.cto.BrokenConstraint;
import org.loopcrm.crm.api.cto.Domain;
import org.loopcrm.crm.api.cto.PriceLine;
import org.loopcrm.crm.api.cto.Propagation;
import org.loopcrm.crm.api.cto.RoutingStep;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.configurator.internal.demo.IndustrialDoor;

class ChocoConfigurationSolverTest {
  private final ChocoConfigurationSolver solver = new ChocoConfigurationSolver();

  private Propagation configure(String... pairs) {
    Map<String, String> s = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      s.put(pairs[i], pairs[i + 1]);
    }
    return solver.configure(IndustrialDoor.definition(), 1, s);
  }

  private static Domain domain(Propagation p, String attribute) {
    return p.domains().stream()
        .filter(d -> d.attribute().equals(attribute))
        .findFirst()
        .orElseThrow(() -> new AssertionError(attribute + " is not open in " + p));
  }

  @Test
  void theDoorModelIsSound() {
    assertThat(solver.check(IndustrialDoor.definition())).isEmpty();
  }

  @Test
  void nothingSelectedLeavesEveryValueThatSomeConfigurationUses() {
    Propagation p = configure();
    assertThat(p.valid()).isTrue();
    assertThat(p.complete()).isFalse();
    assertThat(p.domains()).hasSize(9);
    assertThat(domain(p, "drive").values()).containsExactly("MANUAL", "M1", "M2", "M3");
    assertThat(domain(p, "width").min()).isEqualTo(1500);
    assertThat(domain(p, "width").max()).isEqualTo(8000);
    assertThat(domain(p, "windows").values()).containsExactly("false", "true");
    assertThat(p.price()).isEmpty();
    assertThat(p.total()).isNull();
  }

  @Test
  void requiresNarrowsTheOtherAttribute() {
    Propagation p = configure("type", "HIGHSPEED");
    assertThat(domain(p, "drive").values()).containsExactly("M3");
  }

  @Test
  void excludesRemovesTheExcludedValue() {
    Propagation p = configure("type", "ROLLER");
    assertThat(domain(p, "wicket").values()).containsExactly("false");
    // and backwards: a wicket door cannot be a roller door
    assertThat(domain(configure("wicket", "true"), "type").values())
        .containsExactly("SECTIONAL", "HIGHSPEED");
  }

  @Test
  void compatibilityTableWithWildcards() {
    assertThat(domain(configure("type", "ROLLER"), "panel").values()).containsExactly("STEEL40");
    assertThat(domain(configure("type", "SECTIONAL"), "panel").values())
        .containsExactly("STEEL40", "STEEL80", "ALU_GLASS");
    assertThat(domain(configure("panel", "STEEL80"), "type").values()).containsExactly("SECTIONAL");
  }

  @Test
  void conditionalRangeNarrowsAnIntegerWhenItsConditionHolds() {
    assertThat(domain(configure("drive", "MANUAL"), "height").max()).isEqualTo(3000);
    assertThat(domain(configure("drive", "M3"), "height").max()).isEqualTo(7000);
    assertThat(domain(configure("wicket", "true"), "width").min()).isEqualTo(2500);
    // the other way round: a narrow door cannot have a wicket door
    assertThat(domain(configure("width", "2000"), "wicket").values()).containsExactly("false");
  }

  @Test
  void formulasOverIntegersAndOptionPropertiesPropagate() {
    // manual: (width/100)*(height/100) <= 1000 with height >= 1500 -> width/100 <= 66
    Propagation manual = configure("drive", "MANUAL", "height", "2500");
    assertThat(domain(manual, "width").max()).isEqualTo(4099);
    // a big glazed door is too heavy for the small drives: 60 x 50 x 20 > 120 x 400
    Propagation big = configure("width", "6000", "height", "5000", "panel", "ALU_GLASS");
    assertThat(domain(big, "drive").values()).containsExactly("M3");
  }

  @Test
  void aCompleteConfigurationHasPriceBomAndRouting() {
    Propagation p =
        configure(
            "type",
            "SECTIONAL",
            "width",
            "4000",
            "height",
            "4000",
            "panel",
            "STEEL80",
            "colour",
            "CUSTOM",
            "drive",
            "M2",
            "windows",
            "true",
            "wicket",
            "true",
            "safety",
            "LIGHTCURTAIN");
    assertThat(p.valid()).isTrue();
    assertThat(p.complete()).isTrue();
    assertThat(p.domains()).isEmpty();
    assertThat(p.currency()).isEqualTo("EUR");
    assertThat(p.price())
        .containsExactly(
            new PriceLine("Industrial door", new BigDecimal("1800.00")),
            new PriceLine("Panel: Steel, 80 mm insulated", new BigDecimal("240.00")),
            new PriceLine("Colour: Custom RAL colour", new BigDecimal("350.00")),
            new PriceLine("Drive: Electric drive 120 Nm", new BigDecimal("760.00")),
            new PriceLine("Safety device: Light curtain", new BigDecimal("310.00")),
            new PriceLine("Size (per m²)", new BigDecimal("1360.00")),
            new PriceLine("Window row", new BigDecimal("420.00")),
            new PriceLine("Wicket door", new BigDecimal("890.00")));
    assertThat(p.total()).isEqualByComparingTo("6130.00");
    assertThat(p.bom())
        .containsExactly(
            new BomLine("MOTOR-M2", BigDecimal.ONE),
            new BomLine("LIGHT-CURTAIN", BigDecimal.ONE),
            new BomLine("PANEL-S80-M2", new BigDecimal("16")),
            new BomLine("TRACK-SET", BigDecimal.ONE),
            new BomLine("WINDOW-KIT", new BigDecimal("2")),
            new BomLine("WICKET-KIT", BigDecimal.ONE));
    assertThat(p.routing())
        .extracting(RoutingStep::sequence, RoutingStep::operation, RoutingStep::minutes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(10, "Cut panels", new BigDecimal("48")),
            org.assertj.core.groups.Tuple.tuple(20, "Assemble door", new BigDecimal("45")),
            org.assertj.core.groups.Tuple.tuple(30, "Powder coat", new BigDecimal("90")),
            org.assertj.core.groups.Tuple.tuple(40, "Fit wicket door", new BigDecimal("60")),
            org.assertj.core.groups.Tuple.tuple(50, "Mount drive", new BigDecimal("30")),
            org.assertj.core.groups.Tuple.tuple(60, "Final test", new BigDecimal("20")));
  }

  @Test
  void decimalQuantitiesAndDiscounts() {
    Propagation p =
        configure(
            "type", "ROLLER", "width", "2500", "height", "2100", "panel", "STEEL40", "colour",
            "RAL9010", "drive", "MANUAL", "windows", "false", "wicket", "false", "safety", "EDGE");
    assertThat(p.complete()).isTrue();
    assertThat(p.bom())
        .containsExactly(
            new BomLine("SAFETY-EDGE", BigDecimal.ONE),
            new BomLine("PANEL-S40-M2", new BigDecimal("5.25")),
            new BomLine("TRACK-SET", BigDecimal.ONE),
            new BomLine("SPRING-T", new BigDecimal("2")));
    assertThat(p.price())
        .contains(
            new PriceLine("Door type: Roller door", new BigDecimal("-200.00")),
            new PriceLine("Size (per m²)", new BigDecimal("446.25")),
            new PriceLine("Manual door discount", new BigDecimal("-150.00")));
    assertThat(p.total()).isEqualByComparingTo("1896.25");
  }

  @Test
  void aContradictionIsExplainedByTheConstraintsItBreaks() {
    Propagation p = configure("type", "HIGHSPEED", "drive", "M1");
    assertThat(p.valid()).isFalse();
    assertThat(p.complete()).isFalse();
    assertThat(p.domains()).isEmpty();
    assertThat(p.broken())
        .containsExactly(new BrokenConstraint(0, "A high-speed door needs the 200 Nm drive"));
  }

  @Test
  void aContradictionOfSeveralConstraintsNamesAllOfThemAndNoMore() {
    // a manual door at most 3000 high, a wicket door at least 2500 wide, at most 10 m² manual:
    // wicket + manual + height 3000 -> width <= 3399 still fine; height 7000 breaks the range alone
    Propagation p = configure("drive", "MANUAL", "height", "4000");
    assertThat(p.valid()).isFalse();
    assertThat(p.broken())
        .extracting(BrokenConstraint::label)
        .containsExactly("A manual door is at most 3000 mm high");
    // roller door + wicket breaks the exclusion; the 200 Nm rule is not involved
    Propagation q = configure("type", "ROLLER", "wicket", "true", "drive", "M3");
    assertThat(q.broken()).extracting(BrokenConstraint::index).containsExactly(1);
  }

  @Test
  void aContradictionAcrossSeveralAttributesIsInvalid() {
    // no drive can lift a 8000 x 7000 glazed door, and a manual one is at most 3000 high
    Propagation p = configure("width", "8000", "height", "7000", "panel", "ALU_GLASS");
    assertThat(p.valid()).isFalse();
    assertThat(p.broken())
        .extracting(BrokenConstraint::label)
        .contains("The drive must lift the door");
  }

  @Test
  void unknownAttributesAndValuesAreRefusedWithTheirField() {
    assertThatThrownBy(() -> configure("colour", "PINK", "size", "XL", "width", "900"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ValidationException.FieldError::field)
                    .containsExactly("selections.colour", "selections.size", "selections.width"));
    assertThatThrownBy(() -> configure("windows", "maybe"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be true or false");
  }

  @Test
  void blankSelectionsAreOpen() {
    Propagation p = configure("type", "", "drive", "M3");
    assertThat(p.selections()).containsOnlyKeys("drive");
    assertThat(domain(p, "type").values()).containsExactly("SECTIONAL", "ROLLER", "HIGHSPEED");
  }

  @Test
  void theCompiledModelIsReusedAndAnswersLikeAFreshOne() {
    List<Map<String, String>> cases =
        List.of(
            Map.of("type", "HIGHSPEED"),
            Map.of("drive", "MANUAL", "height", "2500"),
            Map.of("type", "HIGHSPEED", "drive", "M1"),
            Map.of(),
            Map.of("wicket", "true"),
            Map.of("width", "8000", "height", "7000", "panel", "ALU_GLASS"),
            Map.of("type", "ROLLER"));
    for (int round = 0; round < 3; round++) {
      for (Map<String, String> c : cases) {
        Propagation reused = solver.configure(IndustrialDoor.definition(), 1, c);
        Propagation fresh =
            new ChocoConfigurationSolver().configure(IndustrialDoor.definition(), 1, c);
        assertThat(reused).as("round %d, %s", round, c).isEqualTo(fresh);
      }
    }
    assertThat(solver.cached()).isEqualTo(1);
  }

  @Test
  void aChangedDraftIsRecompiledUnderTheSameRevision() {
    configure("type", "HIGHSPEED");
    var def = IndustrialDoor.definition();
    var changed =
        new org.loopcrm.crm.api.cto.ProductModelDefinition(
            def.code(),
            def.name(),
            def.erpProductCode(),
            def.currency(),
            def.basePrice(),
            def.attributes(),
            def.constraints().subList(1, def.constraints().size()),
            def.pricing(),
            def.bom(),
            def.routing());
    Propagation p = solver.configure(changed, 1, Map.of("type", "HIGHSPEED"));
    assertThat(domain(p, "drive").values()).contains("M1", "M2", "M3");
  }

  @Test
  void concurrentCallersGetTheirOwnCompiledModel() throws Exception {
    Map<String, String> a = Map.of("type", "HIGHSPEED");
    Map<String, String> b = Map.of("type", "ROLLER");
    Propagation expectA = solver.configure(IndustrialDoor.definition(), 1, a);
    Propagation expectB = solver.configure(IndustrialDoor.definition(), 1, b);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Map<String, String> s = i % 2 == 0 ? a : b;
        Propagation expected = i % 2 == 0 ? expectA : expectB;
        results.add(
            pool.submit(
                () -> solver.configure(IndustrialDoor.definition(), 1, s).equals(expected)));
      }
      for (var r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aModelNoConfigurationSatisfiesIsRefusedOnCheck() {
    var def = IndustrialDoor.definition();
    var constraints = new java.util.ArrayList<>(def.constraints());
    constraints.add(new org.loopcrm.crm.api.cto.Constraint.Formula("Too wide", "width > 9000"));
    var bad =
        new org.loopcrm.crm.api.cto.ProductModelDefinition(
            def.code(),
            def.name(),
            def.erpProductCode(),
            def.currency(),
            def.basePrice(),
            def.attributes(),
            constraints,
            def.pricing(),
            def.bom(),
            def.routing());
    assertThat(solver.check(bad))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("Too wide"));
    Map<String, String> none = new HashMap<>();
    assertThat(solver.configure(bad, 1, none).valid()).isFalse();
  }
}
