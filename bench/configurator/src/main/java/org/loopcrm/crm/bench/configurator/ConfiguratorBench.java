package org.loopcrm.crm.bench.configurator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.Propagation;
import org.loopcrm.crm.configurator.internal.BigModel;
import org.loopcrm.crm.configurator.internal.ChocoConfigurationSolver;

/**
 * Times the configurator's validate-and-propagate call on a model with more than 10^12
 * combinations. Each call selects a random number of random attributes with random values from
 * their declared domains (not from the propagated ones), so some selections contradict the
 * constraints and are explained; the two kinds of answer are reported apart.
 *
 * <p>Options: {@code --calls N} (default 2000), {@code --warmup W} (default 300), {@code --seed S}
 * (default 42; the model and the selections follow from it).
 */
public final class ConfiguratorBench {
  private ConfiguratorBench() {}

  public static void main(String[] args) {
    int calls = 2000;
    int warmup = 300;
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--calls" -> calls = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> {
          System.err.println("usage: ConfiguratorBench [--calls N] [--warmup W] [--seed S]");
          System.exit(2);
        }
      }
    }
    ProductModelDefinition model = BigModel.definition(seed);
    BigInteger combinations = BigModel.combinations(model);
    ChocoConfigurationSolver solver = new ChocoConfigurationSolver();
    long t0 = System.nanoTime();
    solver.configure(model, 1, Map.of());
    double compileMs = (System.nanoTime() - t0) / 1e6;
    Random rnd = new Random(seed);
    for (int i = 0; i < warmup; i++) {
      solver.configure(model, 1, selections(model, rnd));
    }
    List<Double> valid = new ArrayList<>();
    List<Double> invalid = new ArrayList<>();
    int complete = 0;
    long openValues = 0;
    for (int i = 0; i < calls; i++) {
      Map<String, String> s = selections(model, rnd);
      long start = System.nanoTime();
      Propagation p = solver.configure(model, 1, s);
      double ms = (System.nanoTime() - start) / 1e6;
      (p.valid() ? valid : invalid).add(ms);
      if (p.complete()) {
        complete++;
      }
      openValues += p.domains().stream().mapToLong(d -> d.values().size()).sum();
    }
    List<Double> all = new ArrayList<>(valid);
    all.addAll(invalid);
    System.out.printf(
        "model            %d attributes, %d constraints%n",
        model.attributes().size(), model.constraints().size());
    System.out.printf("combinations     %s (%.2e)%n", combinations, combinations.doubleValue());
    System.out.printf("first call       %.1f ms (check + compile + propagate)%n", compileMs);
    System.out.printf(
        "calls            %d after %d warm-up calls (%d complete)%n", calls, warmup, complete);
    System.out.printf(
        "open option values per answer  %.1f on average%n",
        valid.isEmpty() ? 0.0 : (double) openValues / valid.size());
    System.out.println("answers          calls      p50 ms    p95 ms    max ms");
    line("all", all);
    line("valid", valid);
    line("contradiction", invalid);
    Runtime rt = Runtime.getRuntime();
    System.out.printf("heap             %d MB used%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  private static Map<String, String> selections(ProductModelDefinition model, Random rnd) {
    List<Attribute> attrs = new ArrayList<>(model.attributes());
    Collections.shuffle(attrs, rnd);
    int k = rnd.nextInt(attrs.size() / 2 + 1);
    Map<String, String> s = new HashMap<>();
    for (Attribute a : attrs.subList(0, k)) {
      String v =
          switch (a.kind()) {
            case OPTION -> a.options().get(rnd.nextInt(a.options().size())).code();
            case BOOLEAN -> Boolean.toString(rnd.nextBoolean());
            case INTEGER -> Integer.toString(a.min() + rnd.nextInt(a.max() - a.min() + 1));
          };
      s.put(a.code(), v);
    }
    return s;
  }

  private static void line(String name, List<Double> ms) {
    if (ms.isEmpty()) {
      System.out.printf("  %-14s %5d%n", name, 0);
      return;
    }
    double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        "  %-14s %5d   %8.2f  %8.2f  %8.2f%n",
        name, v.length, rank(v, 0.50), rank(v, 0.95), v[v.length - 1]);
  }

  /** Nearest-rank percentile. */
  private static double rank(double[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
  }
}
