package org.loopcrm.crm.core.internal.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loopcrm.crm.api.account.LifecycleStage;
import org.loopcrm.crm.api.lifecycle.LifecycleRule;
import org.loopcrm.crm.api.lifecycle.PurchaseFacts;

/**
 * The lifecycle rules in force: an ordered list of {@code STAGE: condition [and condition]...},
 * separated by {@code ;} or new lines, where a condition is {@code fact op number} with the facts
 * {@code purchases}, {@code purchasesInWindow}, {@code daysSinceLastPurchase} and {@code
 * daysSinceFirstPurchase} and the operators {@code >= > <= < =}. The first rule whose conditions
 * all hold wins. Accounts without purchases are never moved by rules: their stage is set by people.
 */
public final class LifecycleRules {
  /** The rules of a fresh installation. */
  public static final String DEFAULT_RULES =
      "CHURNED: daysSinceLastPurchase >= 365; AT_RISK: daysSinceLastPurchase >= 180;"
          + " LOYAL: purchasesInWindow >= 5; REPEAT: purchases >= 2; CUSTOMER: purchases >= 1";

  /** The default window of {@code purchasesInWindow}, in days. */
  public static final int DEFAULT_WINDOW_DAYS = 365;

  private static final Pattern RULE = Pattern.compile("\\s*([A-Za-z_]+)\\s*:\\s*(.+?)\\s*");
  private static final Pattern CONDITION =
      Pattern.compile("\\s*([A-Za-z]+)\\s*(>=|<=|>|<|=)\\s*([0-9]{1,9})\\s*");
  private static final Pattern AND = Pattern.compile("(?i)\\s+and\\s+");

  /** A fact the rules can test. */
  enum Fact {
    PURCHASES("purchases"),
    PURCHASES_IN_WINDOW("purchasesInWindow"),
    DAYS_SINCE_LAST_PURCHASE("daysSinceLastPurchase"),
    DAYS_SINCE_FIRST_PURCHASE("daysSinceFirstPurchase");

    final String key;

    Fact(String key) {
      this.key = key;
    }

    long of(PurchaseFacts f, long daysSinceFirst) {
      return switch (this) {
        case PURCHASES -> f.purchases();
        case PURCHASES_IN_WINDOW -> f.purchasesInWindow();
        case DAYS_SINCE_LAST_PURCHASE -> f.daysSinceLastPurchase();
        case DAYS_SINCE_FIRST_PURCHASE -> daysSinceFirst;
      };
    }

    static Fact named(String key) {
      for (Fact f : values()) {
        if (f.key.equalsIgnoreCase(key)) {
          return f;
        }
      }
      return null;
    }
  }

  private record Condition(Fact fact, String op, long value) {
    boolean holds(long actual) {
      return switch (op) {
        case ">=" -> actual >= value;
        case ">" -> actual > value;
        case "<=" -> actual <= value;
        case "<" -> actual < value;
        default -> actual == value;
      };
    }
  }

  private record Rule(LifecycleRule described, List<Condition> conditions) {}

  private final List<Rule> rules;
  private final int windowDays;

  private LifecycleRules(List<Rule> rules, int windowDays) {
    this.rules = List.copyOf(rules);
    this.windowDays = windowDays;
  }

  /** The default rules. */
  public static LifecycleRules defaults() {
    return parse(DEFAULT_RULES, DEFAULT_WINDOW_DAYS);
  }

  /** No rules: nothing moves automatically. */
  public static LifecycleRules none(int windowDays) {
    return new LifecycleRules(List.of(), windowDays);
  }

  /**
   * Parses rules.
   *
   * @throws IllegalArgumentException naming the first mistake, e.g. an unknown stage or fact
   */
  @SuppressWarnings("deprecation")
  public static LifecycleRules parse(String text, int windowDays) {
    if (windowDays < 1 || windowDays > 3660) {
      throw new IllegalArgumentException(
          "the lifecycle window must be 1 to 3660 days, not " + windowDays);
    }
    if (text == null || text.isBlank()) {
      return none(windowDays);
    }
    List<Rule> rules = new ArrayList<>();
    for (String part : text.split("[;\\n]")) {
      if (part.isBlank()) {
        continue;
      }
      Matcher m = RULE.matcher(part);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "lifecycle rule '" + part.strip() + "' is not 'STAGE: fact op number'");
      }
      LifecycleStage stage;
      try {
        stage = LifecycleStage.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "lifecycle rule '" + part.strip() + "': " + m.group(1) + " is not a stage", e);
      }
      if (stage == LifecycleStage.INACTIVE) {
        throw new IllegalArgumentException(
            "lifecycle rule '" + part.strip() + "': use CHURNED, INACTIVE is its old name");
      }
      List<Condition> conditions = new ArrayList<>();
      List<String> written = new ArrayList<>();
      for (String c : AND.split(m.group(2))) {
        Matcher cm = CONDITION.matcher(c);
        Fact fact = cm.matches() ? Fact.named(cm.group(1)) : null;
        if (fact == null) {
          throw new IllegalArgumentException(
              "lifecycle rule '"
                  + part.strip()
                  + "': '"
                  + c.strip()
                  + "' is not a condition such as purchases >= 2 (facts: purchases,"
                  + " purchasesInWindow, daysSinceLastPurchase, daysSinceFirstPurchase)");
        }
        conditions.add(new Condition(fact, cm.group(2), Long.parseLong(cm.group(3))));
        written.add(fact.key + ' ' + cm.group(2) + ' ' + cm.group(3));
      }
      rules.add(
          new Rule(
              new LifecycleRule(rules.size() + 1, stage, String.join(" and ", written)),
              conditions));
    }
    return new LifecycleRules(rules, windowDays);
  }

  /** The rules, in the order they are tried. */
  public List<LifecycleRule> rules() {
    return rules.stream().map(Rule::described).toList();
  }

  /** The window of {@code purchasesInWindow}, in days. */
  public int windowDays() {
    return windowDays;
  }

  /**
   * The first rule that holds for these facts, or empty when none does or there are no purchases.
   *
   * @param daysSinceFirst whole days since the first purchase
   */
  public Optional<LifecycleRule> match(PurchaseFacts facts, long daysSinceFirst) {
    if (facts.purchases() < 1) {
      return Optional.empty();
    }
    for (Rule r : rules) {
      boolean all = true;
      for (Condition c : r.conditions()) {
        if (!c.holds(c.fact().of(facts, daysSinceFirst))) {
          all = false;
          break;
        }
      }
      if (all) {
        return Optional.of(r.described());
      }
    }
    return Optional.empty();
  }

  /** The facts as a line for the history, e.g. {@code purchases=2, purchasesInWindow=1, …}. */
  public static String describe(PurchaseFacts f) {
    return "purchases="
        + f.purchases()
        + ", purchasesInWindow="
        + f.purchasesInWindow()
        + " ("
        + f.windowDays()
        + " days), daysSinceLastPurchase="
        + f.daysSinceLastPurchase();
  }
}
