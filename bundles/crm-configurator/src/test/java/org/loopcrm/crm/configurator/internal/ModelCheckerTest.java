package org.loopcrm.crm.configurator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.BomRule;
import org.loopcrm.crm.api.cto.Constraint;
import org.loopcrm.crm.api.cto.Option;
import org.loopcrm.crm.api.cto.PriceRule;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.Propagation;
import org.loopcrm.crm.api.cto.RoutingRule;

class ModelCheckerTest {
  private final ChocoConfigurationSolver solver = new ChocoConfigurationSolver();

  private static ProductModelDefinition with(
      List<Attribute> attributes, List<Constraint> constraints) {
    return new ProductModelDefinition(
        "M",
        "Model",
        "P-1",
        "EUR",
        BigDecimal.TEN,
        attributes,
        constraints,
        List.of(),
        List.of(),
        List.of());
  }

  private static List<Attribute> attrs() {
    return List.of(
        Attribute.option(
            "motor",
            "Motor",
            List.of(
                new Option("M1", "Small", null, Map.of("torque", 10), List.of(), List.of()),
                new Option("M2", "Big", null, Map.of("torque", 30), List.of(), List.of()))),
        Attribute.integer("load", "Load", 0, 100, "kg"),
        Attribute.integer("width", "Width", 500, 6000, "mm"),
        Attribute.integer("height", "Height", 500, 6000, "mm"),
        Attribute.bool("cover", "Cover"));
  }

  private List<String> fields(ProductModelDefinition d) {
    return solver.check(d).stream().map(e -> e.field() + ": " + e.message()).toList();
  }

  @Test
  void structuralMistakesNameTheirField() {
    List<Attribute> a = new ArrayList<>(attrs());
    a.add(Attribute.integer("load", "Again", 0, 1, null));
    a.add(Attribute.option("empty", "Empty", List.of()));
    a.add(Attribute.integer("upside", "Upside down", 10, 1, null));
    a.add(
        Attribute.option(
            "dup", "Dup", List.of(Option.of("A", "A", null), Option.of("A", "A again", null))));
    a.add(Attribute.bool("and", "Keyword"));
    ProductModelDefinition d =
        new ProductModelDefinition(
            "bad code!",
            " ",
            "",
            "euro",
            new BigDecimal("-1"),
            a,
            List.of(),
            List.of(),
            List.of(),
            List.of());
    assertThat(fields(d))
        .extracting(s -> s.substring(0, s.indexOf(':')))
        .containsExactly(
            "code",
            "name",
            "erpProductCode",
            "currency",
            "basePrice",
            "attributes[5].code",
            "attributes[6].options",
            "attributes[7].min",
            "attributes[8].options[1].code",
            "attributes[9].code");
  }

  @Test
  void rulesThatNameUnknownAttributesOrValuesAreRefused() {
    List<Constraint> c =
        List.of(
            new Constraint.Requires("r", "motor", List.of("M9"), "colour", List.of("RED")),
            new Constraint.Compatibility(
                "t", List.of("motor", "cover"), List.of(List.of("M1", "yes"), List.of("M2"))),
            new Constraint.Range("g", "motor", 1, 2, null),
            new Constraint.Range("h", "load", 5, 1, "cover"));
    assertThat(fields(with(attrs(), c)))
        .containsExactly(
            "constraints[0].ifValues[0]: 'M9' is not an option of motor (M1, M2)",
            "constraints[0].thenAttribute: names no attribute of the model: colour",
            "constraints[1].tuples[0][1]: must be true or false, not 'yes'",
            "constraints[1].tuples[1]: has 1 values for 2 attributes",
            "constraints[2].attribute: motor is not an integer attribute",
            "constraints[3].min: must not be above max (1)");
  }

  @Test
  void badFormulasAreExplainedWithTheirPositionAndField() {
    List<Constraint> c =
        List.of(
            new Constraint.Formula("ok", "width * height <= 6000000 and load <= motor.torque * 2"),
            new Constraint.Formula("syntax", "width * <= 3"),
            new Constraint.Formula("unknown", "depth > 3"),
            new Constraint.Formula("number", "width + 3"),
            new Constraint.Formula("option", "motor = M2"),
            new Constraint.Formula("badoption", "motor in ('M1', 'M7')"),
            new Constraint.Formula("prop", "motor.speed > 3"),
            new Constraint.Formula("unclosed", "(width > 3"),
            new Constraint.Formula("decimal", "width > 3.5"),
            new Constraint.Formula("bool", "cover > 1"),
            new Constraint.Formula("empty", " "));
    assertThat(fields(with(attrs(), c)))
        .containsExactly(
            "constraints[1].formula: expected a value, found '<= 3' (at character 9)",
            "constraints[2].formula: unknown attribute depth (at character 1)",
            "constraints[3].formula: expected a condition but this is a number (at character 7)",
            "constraints[4].formula: options of motor are written quoted: 'M2' (at character 9)",
            "constraints[5].formula: 'M7' is not an option of motor (M1, M2) (at character 17)",
            "constraints[6].formula: option M1 of motor has no property speed (at character 1)",
            "constraints[7].formula: expected ')' (at character 11)",
            "constraints[8].formula: only whole numbers are allowed (at character 9)",
            "constraints[9].formula: expected a number but this is a condition (at character 1)",
            "constraints[10].formula: is required");
  }

  @Test
  void pricingBomAndRoutingExpressionsAreCheckedToo() {
    ProductModelDefinition d =
        new ProductModelDefinition(
            "M",
            "Model",
            "P-1",
            "EUR",
            BigDecimal.TEN,
            attrs(),
            List.of(),
            List.of(new PriceRule("per mm", BigDecimal.ONE, "cover", "width >")),
            List.of(new BomRule("", "width / 0 +", null)),
            List.of(new RoutingRule(0, "Cut", "SAW", "motor", "load")));
    assertThat(fields(d))
        .extracting(s -> s.substring(0, s.indexOf(':')))
        .containsExactly(
            "pricing[0].per",
            "pricing[0].when",
            "bom[0].component",
            "bom[0].quantity",
            "routing[0].sequence",
            "routing[0].minutes",
            "routing[0].when");
  }

  @Test
  void formulasWithLargeProductsAndOptionPropertiesPropagate() {
    List<Constraint> c =
        List.of(
            new Constraint.Formula("Area", "width * height <= 6000000"),
            new Constraint.Formula("Torque", "load <= motor.torque * 2"),
            new Constraint.Formula("Cover", "not cover or (motor = 'M2' and load >= 40)"));
    ProductModelDefinition d = with(attrs(), c);
    assertThat(solver.check(d)).isEmpty();
    Propagation p = solver.configure(d, 1, Map.of("width", "3000", "motor", "M1"));
    assertThat(p.domains())
        .filteredOn(x -> x.attribute().equals("height"))
        .singleElement()
        .satisfies(x -> assertThat(x.max()).isEqualTo(2000));
    assertThat(p.domains())
        .filteredOn(x -> x.attribute().equals("load"))
        .singleElement()
        .satisfies(x -> assertThat(x.max()).isEqualTo(20));
    assertThat(p.domains())
        .filteredOn(x -> x.attribute().equals("cover"))
        .singleElement()
        .satisfies(x -> assertThat(x.values()).containsExactly("false"));
  }

  @Test
  void productsBeyondChocosDefaultBoundsStillPropagateExactly() {
    // 6000 x 6000 = 36 000 000 lies above Choco's default integer bound (21 474 836)
    ProductModelDefinition d =
        with(attrs(), List.of(new Constraint.Formula("Big", "width * height >= 30000000")));
    Propagation p = solver.configure(d, 1, Map.of("width", "6000"));
    assertThat(p.valid()).isTrue();
    assertThat(p.domains())
        .filteredOn(x -> x.attribute().equals("height"))
        .singleElement()
        .satisfies(x -> assertThat(x.min()).isEqualTo(5000));
    assertThat(solver.configure(d, 1, Map.of("width", "4000")).valid()).isFalse();
  }

  @Test
  void checkReturnsNothingForASoundModel() {
    List<FieldError> e = solver.check(with(attrs(), List.of()));
    assertThat(e).isEmpty();
  }
}
