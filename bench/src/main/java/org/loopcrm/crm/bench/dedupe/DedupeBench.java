package org.loopcrm.crm.bench.dedupe;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine.Cluster;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine.Member;
import org.loopcrm.crm.core.internal.dedupe.DedupeEngine.ScanResult;
import org.loopcrm.crm.core.internal.dedupe.MatchRules;

/**
 * Runs the duplicate scan of the CRM's engine over synthetic contacts with known duplicates and
 * prints elapsed time, comparisons, throughput, precision and recall. A program that prints
 * figures, not a test.
 *
 * <pre>
 * java -Xmx4g -cp ... org.loopcrm.crm.bench.dedupe.DedupeBench [--records N] [--duplicates SHARE]
 *      [--seed S]
 * </pre>
 */
public final class DedupeBench {

  /**
   * The figures of one run.
   *
   * @param records how many records were scanned
   * @param truePairs pairs of records that stand for one person
   * @param scanMillis the scan's wall time
   * @param comparisons pair comparisons the scan made
   * @param clusters clusters found
   * @param predictedPairs pairs of records put in one cluster
   * @param correctPairs of those, pairs that stand for one person
   */
  public record Figures(
      int records,
      long truePairs,
      long scanMillis,
      long comparisons,
      int clusters,
      long predictedPairs,
      long correctPairs) {

    /** The share of true pairs found. */
    public double recall() {
      return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    /** The share of found pairs that are true. */
    public double precision() {
      return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }
  }

  private DedupeBench() {}

  /** Scans the data with the rules and measures against its ground truth. */
  public static Figures run(SyntheticContacts data, MatchRules rules) {
    long t0 = System.nanoTime();
    ScanResult result = new DedupeEngine(rules).scan(data.records(), (a, b) -> false);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    long predicted = 0;
    long correct = 0;
    for (Cluster c : result.clusters()) {
      List<Member> m = c.members();
      predicted += (long) m.size() * (m.size() - 1) / 2;
      Map<Integer, Integer> perEntity = new HashMap<>();
      for (Member member : m) {
        perEntity.merge(data.entity()[Integer.parseInt(member.id())], 1, Integer::sum);
      }
      for (int k : perEntity.values()) {
        correct += (long) k * (k - 1) / 2;
      }
    }
    return new Figures(
        result.records(),
        data.truePairs(),
        millis,
        result.comparisons(),
        result.clusters().size(),
        predicted,
        correct);
  }

  /** The bench's rules: the defaults, with national numbers read as German ones. */
  public static MatchRules rules() {
    MatchRules d = MatchRules.defaults();
    return new MatchRules(
        d.rules(), d.weights(), d.threshold(), d.nameSimilarity(), d.maxBlock(), d.window(), "DE");
  }

  /** Runs the bench. */
  public static void main(String[] args) {
    int records = 1_000_000;
    double share = 0.05;
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--records" -> records = Integer.parseInt(args[++i]);
        case "--duplicates" -> share = Double.parseDouble(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> {
          System.err.println("usage: DedupeBench [--records N] [--duplicates SHARE] [--seed S]");
          System.exit(2);
        }
      }
    }
    long g0 = System.nanoTime();
    SyntheticContacts data = SyntheticContacts.generate(records, share, seed);
    long genMillis = (System.nanoTime() - g0) / 1_000_000;
    Figures f = run(data, rules());
    Runtime rt = Runtime.getRuntime();
    long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    System.out.printf(
        Locale.ROOT,
        "records          %,d (%.1f%% injected duplicates, seed %d)%n"
            + "true pairs       %,d%n"
            + "generated in     %,d ms%n"
            + "scan time        %,d ms%n"
            + "throughput       %,.0f records/s%n"
            + "comparisons      %,d (%.2f per record)%n"
            + "clusters         %,d%n"
            + "predicted pairs  %,d%n"
            + "precision        %.4f%n"
            + "recall           %.4f%n"
            + "heap             %,d MB used of %,d MB max%n",
        f.records(),
        share * 100,
        seed,
        f.truePairs(),
        genMillis,
        f.scanMillis(),
        f.records() * 1000.0 / Math.max(1, f.scanMillis()),
        f.comparisons(),
        (double) f.comparisons() / f.records(),
        f.clusters(),
        f.predictedPairs(),
        f.precision(),
        f.recall(),
        usedMb,
        rt.maxMemory() / (1024 * 1024));
  }
}
