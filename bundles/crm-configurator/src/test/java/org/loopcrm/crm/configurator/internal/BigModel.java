package org.loopcrm.crm.configurator.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.BomRule;
import org.loopcrm.crm.api.cto.Constraint;
import org.loopcrm.crm.api.cto.Option;
import org.loopcrm.crm.api.cto.PriceRule;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.RoutingRule;

/**
 * A model with more than 10^12 combinations: 14 option attributes of 8 options, two integer
 * dimensions, two booleans; requires chains, exclusions, compatibility tables, ranges and formulas
 * over dimensions and option properties. The same seed gives the same model. bench/configurator
 * times the solver on it (it takes this class from the test-jar).
 */
public final class BigModel {
  public static final int OPTION_ATTRIBUTES = 14;
  public static final int OPTIONS = 8;

  private BigModel() {}

  public static ProductModelDefinition definition(long seed) {
    Random rnd = new Random(seed);
    List<Attribute> attrs = new ArrayList<>();
    for (int a = 0; a < OPTION_ATTRIBUTES; a++) {
      List<Option> options = new ArrayList<>();
      for (int o = 0; o < OPTIONS; o++) {
        options.add(
            new Option(
                "V" + o,
                "Option " + o,
                BigDecimal.valueOf(10L * rnd.nextInt(50)),
                Map.of("weight", 1 + rnd.nextInt(40), "capacity", 20 + rnd.nextInt(80)),
                List.of(),
                List.of()));
      }
      attrs.add(Attribute.option("o" + a, "Attribute " + a, options));
    }
    attrs.add(Attribute.integer("width", "Width", 500, 3000, "mm"));
    attrs.add(Attribute.integer("depth", "Depth", 500, 3000, "mm"));
    attrs.add(Attribute.bool("cover", "Cover"));
    attrs.add(Attribute.bool("heated", "Heated"));
    List<Constraint> cs = new ArrayList<>();
    for (int a = 0; a + 1 < OPTION_ATTRIBUTES; a++) {
      cs.add(
          new Constraint.Requires(
              "o" + a + " V" + a % OPTIONS + " needs a low o" + (a + 1),
              "o" + a,
              List.of("V" + a % OPTIONS),
              "o" + (a + 1),
              List.of("V0", "V1", "V2")));
      cs.add(
          new Constraint.Excludes(
              "o" + a + " V7 rules out o" + (a + 1) + " V6",
              "o" + a,
              List.of("V7"),
              "o" + (a + 1),
              List.of("V6")));
    }
    for (int t = 0; t < 3; t++) {
      List<String> cols = List.of("o" + (3 * t + 2), "o" + (3 * t + 3), "o" + (3 * t + 4));
      List<List<String>> tuples = new ArrayList<>();
      for (int i = 0; i < OPTIONS; i++) {
        for (int j = 0; j < OPTIONS; j++) {
          for (int k = 0; k < OPTIONS; k++) {
            if (rnd.nextInt(3) > 0) {
              tuples.add(List.of("V" + i, "V" + j, "V" + k));
            }
          }
        }
      }
      cs.add(new Constraint.Compatibility("Table " + t, cols, tuples));
    }
    cs.add(new Constraint.Formula("Footprint", "width * depth <= 6000000"));
    cs.add(new Constraint.Formula("Load", "o5.weight + o6.weight + o7.weight <= o8.capacity + 40"));
    cs.add(new Constraint.Range("Narrow with o9 V7", "width", 500, 1500, "o9 = 'V7'"));
    cs.add(new Constraint.Formula("Heated needs a cover", "not heated or cover"));
    cs.add(
        new Constraint.Formula(
            "Deep covers need strong frames", "not cover or depth <= 1000 + o10.capacity * 20"));
    return new ProductModelDefinition(
        "BIG",
        "Big model",
        "BIG-1",
        "EUR",
        new BigDecimal("1000.00"),
        attrs,
        cs,
        List.of(new PriceRule("Area", new BigDecimal("0.0001"), "width * depth", null)),
        List.of(new BomRule("FRAME", "width / 1000 + depth / 1000", null)),
        List.of(new RoutingRule(10, "Assemble", "ASSY", "30 + width / 100", null)));
  }

  /** The product of every attribute's domain size. */
  public static BigInteger combinations(ProductModelDefinition d) {
    BigInteger n = BigInteger.ONE;
    for (Attribute a : d.attributes()) {
      long size =
          switch (a.kind()) {
            case OPTION -> a.options().size();
            case BOOLEAN -> 2;
            case INTEGER -> (long) a.max() - a.min() + 1;
          };
      n = n.multiply(BigInteger.valueOf(size));
    }
    return n;
  }
}
