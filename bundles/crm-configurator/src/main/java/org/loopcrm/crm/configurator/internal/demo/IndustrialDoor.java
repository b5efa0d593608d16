package org.loopcrm.crm.configurator.internal.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.BomRule;
import org.loopcrm.crm.api.cto.Constraint;
import org.loopcrm.crm.api.cto.Operation;
import org.loopcrm.crm.api.cto.Option;
import org.loopcrm.crm.api.cto.PriceRule;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.RoutingRule;
import org.loopcrm.crm.api.erp.port.BomLine;

/**
 * An industrial door: the demo product model of the README's walk-through, which the configurator's
 * tests and crm-core's contract tests configure too.
 */
public final class IndustrialDoor {
  private IndustrialDoor() {}

  /** The model, as it is loaded in demo mode. */
  public static ProductModelDefinition definition() {
    return new ProductModelDefinition(
        "DOOR-IND",
        "Industrial door",
        "DOOR-IND",
        "EUR",
        new BigDecimal("1800.00"),
        List.of(
            Attribute.option(
                "type",
                "Door type",
                List.of(
                    Option.of("SECTIONAL", "Sectional door", null),
                    Option.of("ROLLER", "Roller door", new BigDecimal("-200.00")),
                    Option.of("HIGHSPEED", "High-speed door", new BigDecimal("1500.00")))),
            Attribute.integer("width", "Width", 1500, 8000, "mm"),
            Attribute.integer("height", "Height", 1500, 7000, "mm"),
            Attribute.option(
                "panel",
                "Panel",
                List.of(
                    panel("STEEL40", "Steel, 40 mm insulated", 12, null),
                    panel("STEEL80", "Steel, 80 mm insulated", 18, "240.00"),
                    panel("ALU_GLASS", "Aluminium, glazed", 20, "650.00"))),
            Attribute.option(
                "colour",
                "Colour",
                List.of(
                    Option.of("RAL9010", "Pure white", null),
                    Option.of("RAL7016", "Anthracite grey", new BigDecimal("120.00")),
                    new Option(
                        "CUSTOM",
                        "Custom RAL colour",
                        new BigDecimal("350.00"),
                        Map.of(),
                        List.of(),
                        List.of(new Operation(30, "Powder coat", "PAINT", new BigDecimal("90")))))),
            Attribute.option(
                "drive",
                "Drive",
                List.of(
                    drive("MANUAL", "Manual, spring balanced", 0, null, null),
                    drive("M1", "Electric drive 60 Nm", 60, "480.00", "MOTOR-M1"),
                    drive("M2", "Electric drive 120 Nm", 120, "760.00", "MOTOR-M2"),
                    drive("M3", "Electric drive 200 Nm", 200, "1240.00", "MOTOR-M3"))),
            Attribute.bool("windows", "Window row"),
            Attribute.bool("wicket", "Wicket door"),
            Attribute.option(
                "safety",
                "Safety device",
                List.of(
                    new Option(
                        "EDGE",
                        "Safety edge",
                        null,
                        Map.of(),
                        List.of(new BomLine("SAFETY-EDGE", BigDecimal.ONE)),
                        List.of()),
                    new Option(
                        "LIGHTCURTAIN",
                        "Light curtain",
                        new BigDecimal("310.00"),
                        Map.of(),
                        List.of(new BomLine("LIGHT-CURTAIN", BigDecimal.ONE)),
                        List.of())))),
        List.of(
            new Constraint.Requires(
                "A high-speed door needs the 200 Nm drive",
                "type",
                List.of("HIGHSPEED"),
                "drive",
                List.of("M3")),
            new Constraint.Excludes(
                "A roller door has no wicket door",
                "type",
                List.of("ROLLER"),
                "wicket",
                List.of("true")),
            new Constraint.Compatibility(
                "Panels by door type",
                List.of("type", "panel"),
                List.of(
                    List.of("SECTIONAL", "*"),
                    List.of("ROLLER", "STEEL40"),
                    List.of("HIGHSPEED", "ALU_GLASS"))),
            new Constraint.Range(
                "A manual door is at most 3000 mm high", "height", 1500, 3000, "drive = 'MANUAL'"),
            new Constraint.Range(
                "A wicket door needs a door at least 2500 mm wide", "width", 2500, 8000, "wicket"),
            new Constraint.Formula(
                "The drive must lift the door",
                "drive = 'MANUAL' or (width / 100) * (height / 100) * panel.weight"
                    + " <= drive.torque * 400"),
            new Constraint.Formula(
                "A manual door is at most 10 m²",
                "drive != 'MANUAL' or (width / 100) * (height / 100) <= 1000")),
        List.of(
            new PriceRule(
                "Size (per m²)", new BigDecimal("85.00"), "width * height / 1000000", null),
            new PriceRule("Window row", new BigDecimal("420.00"), null, "windows"),
            new PriceRule("Wicket door", new BigDecimal("890.00"), null, "wicket"),
            new PriceRule(
                "Oversize surcharge",
                new BigDecimal("600.00"),
                null,
                "width > 6000 or height > 5000"),
            new PriceRule(
                "Manual door discount", new BigDecimal("-150.00"), null, "drive = 'MANUAL'")),
        List.of(
            new BomRule("PANEL-S40-M2", "width * height / 1000000", "panel = 'STEEL40'"),
            new BomRule("PANEL-S80-M2", "width * height / 1000000", "panel = 'STEEL80'"),
            new BomRule("PANEL-ALU-M2", "width * height / 1000000", "panel = 'ALU_GLASS'"),
            new BomRule("TRACK-SET", "1", null),
            new BomRule("SPRING-T", "2", "drive = 'MANUAL'"),
            new BomRule("WINDOW-KIT", "2", "windows"),
            new BomRule("WICKET-KIT", "1", "wicket")),
        List.of(
            new RoutingRule(10, "Cut panels", "SAW", "width * height / 1000000 * 3", null),
            new RoutingRule(20, "Assemble door", "ASSY", "45", null),
            new RoutingRule(40, "Fit wicket door", "ASSY", "60", "wicket"),
            new RoutingRule(60, "Final test", "QA", "20", null)));
  }

  private static Option panel(String code, String label, int weight, String price) {
    return new Option(
        code,
        label,
        price == null ? null : new BigDecimal(price),
        Map.of("weight", weight),
        List.of(),
        List.of());
  }

  private static Option drive(String code, String label, int torque, String price, String motor) {
    return new Option(
        code,
        label,
        price == null ? null : new BigDecimal(price),
        Map.of("torque", torque),
        motor == null ? List.of() : List.of(new BomLine(motor, BigDecimal.ONE)),
        motor == null
            ? List.of()
            : List.of(new Operation(50, "Mount drive", "ELEC", new BigDecimal("30"))));
  }
}
