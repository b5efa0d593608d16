package org.loopcrm.crm.configurator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.cto.Domain;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.Propagation;

/** The configurator on a model far too large to enumerate answers by propagation and search. */
class BigModelTest {
  private final ProductModelDefinition model = BigModel.definition(42);
  private final ChocoConfigurationSolver solver = new ChocoConfigurationSolver();

  @Test
  void theModelHasMoreThanATrillionCombinations() {
    assertThat(BigModel.combinations(model)).isGreaterThan(BigInteger.TEN.pow(12));
    assertThat(solver.check(model)).isEmpty();
  }

  @Test
  void aSelectionPropagatesAlongTheRequiresChain() {
    Propagation p = solver.configure(model, 1, Map.of("o0", "V0", "o9", "V7"));
    assertThat(p.valid()).isTrue();
    assertThat(domain(p, "o1").values()).isSubsetOf("V0", "V1", "V2");
    assertThat(domain(p, "width").max()).isEqualTo(1500);
    assertThat(domain(p, "o10").values()).doesNotContain("V6");
  }

  @Test
  void followingTheDomainsLeadsToACompleteConfigurationWithAPrice() {
    Map<String, String> sel = new HashMap<>();
    Random rnd = new Random(7);
    Propagation p = solver.configure(model, 1, sel);
    int steps = 0;
    while (!p.complete()) {
      assertThat(p.valid()).as("after %s", sel).isTrue();
      Domain d = p.domains().get(rnd.nextInt(p.domains().size()));
      String value =
          d.values().isEmpty()
              ? Integer.toString(d.min() + rnd.nextInt(d.max() - d.min() + 1))
              : d.values().get(rnd.nextInt(d.values().size()));
      Map<String, String> next = new HashMap<>(sel);
      next.put(d.attribute(), value);
      Propagation q = solver.configure(model, 1, next);
      if (q.valid()) {
        sel = next;
        p = q;
      } else {
        // propagation keeps values no solution uses; the answer says so and names the rules
        assertThat(q.broken()).isNotEmpty();
      }
      assertThat(++steps).as("steps").isLessThan(500);
    }
    assertThat(p.selections()).hasSize(model.attributes().size());
    assertThat(p.total()).isPositive();
    assertThat(p.bom())
        .singleElement()
        .satisfies(l -> assertThat(l.productCode()).isEqualTo("FRAME"));
  }

  private static Domain domain(Propagation p, String attribute) {
    return p.domains().stream()
        .filter(d -> d.attribute().equals(attribute))
        .findFirst()
        .orElseThrow();
  }
}
