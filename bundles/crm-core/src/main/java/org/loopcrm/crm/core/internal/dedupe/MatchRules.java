package org.loopcrm.crm.core.internal.dedupe;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The configured match rules.
 *
 * @param rules the rules in force
 * @param weights the score a pair gets from each rule: an exact rule scores its weight, the name
 *     rule its weight times the Jaro-Winkler similarity
 * @param threshold the score from which a pair is a duplicate candidate
 * @param nameSimilarity the least Jaro-Winkler similarity of two names for the name rule
 * @param maxBlock the largest block compared pair by pair; larger blocks are compared in a sorted
 *     window (name) or chained (exact keys), which keeps the cost near-linear
 * @param window how many sorted neighbours a record is compared with in a large block
 * @param defaultRegion the region national phone numbers are read in (ISO 3166 code), or null
 */
public record MatchRules(
    Set<Rule> rules,
    Map<Rule, Double> weights,
    double threshold,
    double nameSimilarity,
    int maxBlock,
    int window,
    String defaultRegion) {

  /** The defaults: every rule, phone weighs 0.95, the rest 1.0; threshold 0.9, names from 0.92. */
  public static MatchRules defaults() {
    return parse("email,phone,taxId,erpRef,name", "phone=0.95", 0.9, 0.92, 200, 10, null);
  }

  /** Copies and checks. */
  public MatchRules {
    if (rules == null || rules.isEmpty()) {
      throw new IllegalArgumentException("at least one rule is needed");
    }
    rules = Set.copyOf(rules);
    Map<Rule, Double> w = new EnumMap<>(Rule.class);
    for (Rule r : Rule.values()) {
      double v = weights == null ? 1.0 : weights.getOrDefault(r, 1.0);
      if (v <= 0 || v > 1) {
        throw new IllegalArgumentException("weight of " + r.token() + " must be in (0, 1]");
      }
      w.put(r, v);
    }
    weights = Map.copyOf(w);
    if (threshold <= 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be in (0, 1]");
    }
    if (nameSimilarity <= 0 || nameSimilarity > 1) {
      throw new IllegalArgumentException("nameSimilarity must be in (0, 1]");
    }
    if (maxBlock < 2 || window < 1) {
      throw new IllegalArgumentException("maxBlock must be >= 2 and window >= 1");
    }
    defaultRegion =
        defaultRegion == null || defaultRegion.isBlank()
            ? null
            : defaultRegion.strip().toUpperCase(Locale.ROOT);
  }

  /**
   * Rules from configuration text.
   *
   * @param rules comma-separated rule tokens (email, phone, taxId, erpRef, name)
   * @param weights comma-separated {@code rule=weight} pairs; rules not named weigh 1.0
   */
  public static MatchRules parse(
      String rules,
      String weights,
      double threshold,
      double nameSimilarity,
      int maxBlock,
      int window,
      String defaultRegion) {
    List<String> errors = new ArrayList<>();
    Set<Rule> set = EnumSet.noneOf(Rule.class);
    for (String t : split(rules)) {
      Rule.of(t).ifPresentOrElse(set::add, () -> errors.add("unknown rule '" + t + "'"));
    }
    Map<Rule, Double> w = new EnumMap<>(Rule.class);
    for (String pair : split(weights)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        errors.add("weight '" + pair + "' is not rule=number");
        continue;
      }
      String name = pair.substring(0, eq);
      Rule.of(name)
          .ifPresentOrElse(
              r -> {
                try {
                  w.put(r, Double.parseDouble(pair.substring(eq + 1).strip()));
                } catch (NumberFormatException e) {
                  errors.add("weight '" + pair + "' is not rule=number");
                }
              },
              () -> errors.add("unknown rule '" + name + "' in weights"));
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
    return new MatchRules(set, w, threshold, nameSimilarity, maxBlock, window, defaultRegion);
  }

  private static List<String> split(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return List.of(text.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Whether the rule is in force. */
  public boolean has(Rule r) {
    return rules.contains(r);
  }

  /** The rule's weight. */
  public double weight(Rule r) {
    return weights.get(r);
  }
}
