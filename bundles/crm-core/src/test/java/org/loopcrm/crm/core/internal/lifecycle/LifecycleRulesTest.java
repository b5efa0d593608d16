package org.loopcrm.crm.core.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.lifecycle.LifecycleRule;
import org.loopcrm.crm.api.lifecycle.PurchaseFacts;

class LifecycleRulesTest {
  private static final LifecycleRules DEFAULTS = LifecycleRules.defaults();

  private static PurchaseFacts facts(long purchases, long inWindow, long sinceLast) {
    Instant t = purchases == 0 ? null : Instant.parse("2026-01-01T00:00:00Z");
    return new PurchaseFacts(purchases, inWindow, 365, t, t, purchases == 0 ? -1 : sinceLast);
  }

  private static LifecycleStage stage(LifecycleRules rules, PurchaseFacts f) {
    return rules.match(f, 1000).map(LifecycleRule::stage).orElse(null);
  }

  @Test
  void theDefaultRulesWalkTheLifecycle() {
    assertThat(stage(DEFAULTS, facts(0, 0, -1))).as("no purchase: people decide").isNull();
    assertThat(stage(DEFAULTS, facts(1, 1, 0))).isEqualTo(LifecycleStage.CUSTOMER);
    assertThat(stage(DEFAULTS, facts(2, 2, 3))).isEqualTo(LifecycleStage.REPEAT);
    assertThat(stage(DEFAULTS, facts(5, 4, 3))).isEqualTo(LifecycleStage.REPEAT);
    assertThat(stage(DEFAULTS, facts(5, 5, 3))).isEqualTo(LifecycleStage.LOYAL);
    assertThat(stage(DEFAULTS, facts(9, 9, 179))).isEqualTo(LifecycleStage.LOYAL);
    assertThat(stage(DEFAULTS, facts(9, 0, 180))).isEqualTo(LifecycleStage.AT_RISK);
    assertThat(stage(DEFAULTS, facts(1, 0, 364))).isEqualTo(LifecycleStage.AT_RISK);
    assertThat(stage(DEFAULTS, facts(1, 0, 365))).isEqualTo(LifecycleStage.CHURNED);
  }

  @Test
  void rulesAreTriedInOrderAndAllConditionsMustHold() {
    LifecycleRules rules =
        LifecycleRules.parse(
            "loyal: purchases >= 3 AND daysSinceFirstPurchase > 30\n customer: purchases > 0", 90);
    assertThat(rules.windowDays()).isEqualTo(90);
    assertThat(rules.rules())
        .containsExactly(
            new LifecycleRule(
                1, LifecycleStage.LOYAL, "purchases >= 3 and daysSinceFirstPurchase > 30"),
            new LifecycleRule(2, LifecycleStage.CUSTOMER, "purchases > 0"));
    assertThat(rules.match(facts(3, 3, 0), 31).map(LifecycleRule::stage))
        .contains(LifecycleStage.LOYAL);
    assertThat(rules.match(facts(3, 3, 0), 30).map(LifecycleRule::stage))
        .contains(LifecycleStage.CUSTOMER);
  }

  @Test
  void everyOperatorCompares() {
    for (String[] c :
        new String[][] {
          {"purchases = 2", "2", "true"}, {"purchases = 2", "3", "false"},
          {"purchases < 2", "1", "true"}, {"purchases < 2", "2", "false"},
          {"purchases <= 2", "2", "true"}, {"purchases > 2", "2", "false"},
          {"purchases >= 2", "2", "true"}
        }) {
      LifecycleRules rules = LifecycleRules.parse("REPEAT: " + c[0], 365);
      boolean matched = rules.match(facts(Long.parseLong(c[1]), 0, 0), 0).isPresent();
      assertThat(matched).as(c[0] + " with " + c[1]).isEqualTo(Boolean.parseBoolean(c[2]));
    }
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> LifecycleRules.parse("GOLD: purchases >= 1", 365))
        .hasMessageContaining("GOLD is not a stage");
    assertThatThrownBy(() -> LifecycleRules.parse("LOYAL: revenue >= 1", 365))
        .hasMessageContaining("'revenue >= 1' is not a condition");
    assertThatThrownBy(() -> LifecycleRules.parse("LOYAL purchases >= 1", 365))
        .hasMessageContaining("is not 'STAGE: fact op number'");
    assertThatThrownBy(() -> LifecycleRules.parse("INACTIVE: purchases >= 1", 365))
        .hasMessageContaining("use CHURNED");
    assertThatThrownBy(() -> LifecycleRules.parse("CUSTOMER: purchases >= 1", 0))
        .hasMessageContaining("1 to 3660 days");
    assertThat(LifecycleRules.parse("  ", 365).rules()).isEmpty();
  }
}
