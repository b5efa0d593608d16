package org.loopcrm.crm.core.internal.dedupe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Finds duplicates among match records: the online check compares one draft with a pool of records,
 * the scan compares a whole data set in blocks and clusters the pairs it finds.
 *
 * <p>The scan makes one pass per rule. An exact rule groups records by their normalised key
 * (e-mail, E.164 phone, tax id, ERP reference). The name rule groups records by blocking keys:
 * locality plus the first three letters of each word of the name, so a typo in one word or swapped
 * words still share a block. A block up to {@link MatchRules#maxBlock()} records is compared pair
 * by pair; a larger one is sorted by name and each record is compared with its {@link
 * MatchRules#window()} next neighbours (sorted neighbourhood). Cost is therefore bounded per
 * record: near-linear. Pairs at or above the threshold, less the dismissed ones, are joined with
 * union-find.
 */
public final class DedupeEngine {
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final int PREFIX = 3;
  private static final int MAX_WORDS = 4;
  private static final double MISSING_WORD = 0.97;

  private final MatchRules rules;

  /** An engine for the rules. */
  public DedupeEngine(MatchRules rules) {
    this.rules = rules;
  }

  /** The rules in force. */
  public MatchRules rules() {
    return rules;
  }

  /**
   * A pair of records that match.
   *
   * @param a the first record's id
   * @param b the second record's id
   * @param score the pair's score, the best of its rules
   * @param rule the rule that gave the score
   */
  public record Match(String a, String b, double score, Rule rule) {}

  /**
   * A member of a cluster.
   *
   * @param id the record's id
   * @param score the score of the member's best pair in the cluster
   * @param rule the rule of that pair
   */
  public record Member(String id, double score, Rule rule) {}

  /**
   * Records that are probably one party.
   *
   * @param kind account or contact
   * @param members two or more members, best score first
   * @param score the best pair score in the cluster
   */
  public record Cluster(RecordKind kind, List<Member> members, double score) {}

  /**
   * What a scan found.
   *
   * @param records how many records were scanned
   * @param comparisons how many pair comparisons were made
   * @param matches how many pairs scored at or above the threshold (dismissed ones included)
   * @param clusters the clusters, best score first
   */
  public record ScanResult(int records, long comparisons, long matches, List<Cluster> clusters) {}

  /** The records of the pool that match the probe, best first. The probe's own id is skipped. */
  public List<Match> candidates(MatchRecord probe, Collection<MatchRecord> pool) {
    Prepared p = prepare(probe);
    List<Match> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (MatchRecord r : pool) {
      if (r.kind() != probe.kind() || r.id().equals(probe.id()) || !seen.add(r.id())) {
        continue;
      }
      Prepared q = prepare(r);
      Scored s = compare(p, q);
      if (s.score >= rules.threshold()) {
        out.add(new Match(probe.id(), r.id(), s.score, s.rule));
      }
    }
    out.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::b));
    return out;
  }

  /** The score of two records, or null when they do not match. */
  public Match compare(MatchRecord a, MatchRecord b) {
    if (a.kind() != b.kind()) {
      return null;
    }
    Scored s = compare(prepare(a), prepare(b));
    return s.score >= rules.threshold() ? new Match(a.id(), b.id(), s.score, s.rule) : null;
  }

  /**
   * Scans records for duplicates.
   *
   * @param records the records, of any kinds
   * @param dismissed pairs (by id, either order) a reviewer said are not duplicates: never joined
   */
  public ScanResult scan(List<MatchRecord> records, BiPredicate<String, String> dismissed) {
    Prepared[] recs = new Prepared[records.size()];
    for (int i = 0; i < recs.length; i++) {
      recs[i] = prepare(records.get(i));
    }
    Edges edges = new Edges();
    for (RecordKind kind : RecordKind.values()) {
      if (rules.has(Rule.EMAIL)) {
        exactPass(recs, kind, Rule.EMAIL, r -> r.emails, edges);
      }
      if (rules.has(Rule.PHONE)) {
        exactPass(recs, kind, Rule.PHONE, r -> r.phones, edges);
      }
      if (rules.has(Rule.TAX_ID)) {
        exactPass(recs, kind, Rule.TAX_ID, r -> one(r.taxId), edges);
      }
      if (rules.has(Rule.ERP_REF)) {
        exactPass(recs, kind, Rule.ERP_REF, r -> one(r.erpRef), edges);
      }
      if (rules.has(Rule.NAME)) {
        namePass(recs, kind, edges);
      }
    }
    UnionFind uf = new UnionFind(recs.length);
    long matches = 0;
    List<Edge> kept = new ArrayList<>();
    for (Edge e : edges.best.values()) {
      if (e.score < rules.threshold()) {
        continue;
      }
      matches++;
      if (!dismissed.test(recs[e.a].record.id(), recs[e.b].record.id())) {
        uf.union(e.a, e.b);
        kept.add(e);
      }
    }
    Map<Integer, Map<Integer, Member>> groups = new HashMap<>();
    for (Edge e : kept) {
      Map<Integer, Member> g = groups.computeIfAbsent(uf.find(e.a), k -> new HashMap<>());
      better(g, e.a, recs, e);
      better(g, e.b, recs, e);
    }
    List<Cluster> clusters = new ArrayList<>(groups.size());
    for (Map<Integer, Member> g : groups.values()) {
      List<Member> members = new ArrayList<>(g.values());
      members.sort(Comparator.comparingDouble(Member::score).reversed().thenComparing(Member::id));
      int any = g.keySet().iterator().next();
      clusters.add(new Cluster(recs[any].record.kind(), members, members.get(0).score()));
    }
    clusters.sort(
        Comparator.comparingDouble(Cluster::score)
            .reversed()
            .thenComparing(c -> c.members().get(0).id()));
    return new ScanResult(recs.length, edges.comparisons, matches, clusters);
  }

  private static void better(Map<Integer, Member> g, int i, Prepared[] recs, Edge e) {
    Member m = g.get(i);
    if (m == null || m.score() < e.score) {
      g.put(i, new Member(recs[i].record.id(), e.score, e.rule));
    }
  }

  private void exactPass(
      Prepared[] recs, RecordKind kind, Rule rule, Function<Prepared, String[]> keys, Edges edges) {
    Map<String, IntList> blocks = new HashMap<>();
    for (int i = 0; i < recs.length; i++) {
      if (recs[i].record.kind() != kind) {
        continue;
      }
      for (String k : keys.apply(recs[i])) {
        blocks.computeIfAbsent(k, x -> new IntList()).add(i);
      }
    }
    double w = rules.weight(rule);
    for (IntList block : blocks.values()) {
      int n = block.size;
      if (n < 2) {
        continue;
      }
      if (n <= rules.maxBlock()) {
        for (int x = 0; x < n; x++) {
          for (int y = x + 1; y < n; y++) {
            edges.comparisons++;
            edges.add(block.items[x], block.items[y], w, rule);
          }
        }
      } else {
        // A key shared by very many records (a switchboard number): a chain joins them all.
        for (int x = 0; x + 1 < n; x++) {
          edges.comparisons++;
          edges.add(block.items[x], block.items[x + 1], w, rule);
        }
      }
    }
  }

  private void namePass(Prepared[] recs, RecordKind kind, Edges edges) {
    Map<String, IntList> blocks = new HashMap<>();
    for (int i = 0; i < recs.length; i++) {
      Prepared r = recs[i];
      if (r.record.kind() != kind || r.name == null) {
        continue;
      }
      for (String k : r.blockingKeys()) {
        blocks.computeIfAbsent(k, x -> new IntList()).add(i);
      }
    }
    for (IntList block : blocks.values()) {
      int n = block.size;
      if (n < 2) {
        continue;
      }
      int[] items = Arrays.copyOf(block.items, n);
      if (n <= rules.maxBlock()) {
        for (int x = 0; x < n; x++) {
          for (int y = x + 1; y < n; y++) {
            nameEdge(recs, items[x], items[y], edges);
          }
        }
      } else {
        Integer[] sorted = new Integer[n];
        for (int x = 0; x < n; x++) {
          sorted[x] = items[x];
        }
        Arrays.sort(sorted, Comparator.comparing(i -> recs[i].sorted));
        for (int x = 0; x < n; x++) {
          for (int y = x + 1; y < Math.min(n, x + 1 + rules.window()); y++) {
            nameEdge(recs, sorted[x], sorted[y], edges);
          }
        }
      }
    }
  }

  private void nameEdge(Prepared[] recs, int a, int b, Edges edges) {
    edges.comparisons++;
    double s = nameScore(recs[a], recs[b]);
    if (s > 0) {
      edges.add(a, b, s, Rule.NAME);
    }
  }

  private Scored compare(Prepared a, Prepared b) {
    Scored best = new Scored(0, null);
    if (rules.has(Rule.EMAIL) && shares(a.emails, b.emails)) {
      best = best.max(rules.weight(Rule.EMAIL), Rule.EMAIL);
    }
    if (rules.has(Rule.PHONE) && shares(a.phones, b.phones)) {
      best = best.max(rules.weight(Rule.PHONE), Rule.PHONE);
    }
    if (rules.has(Rule.TAX_ID) && a.taxId != null && a.taxId.equals(b.taxId)) {
      best = best.max(rules.weight(Rule.TAX_ID), Rule.TAX_ID);
    }
    if (rules.has(Rule.ERP_REF) && a.erpRef != null && a.erpRef.equals(b.erpRef)) {
      best = best.max(rules.weight(Rule.ERP_REF), Rule.ERP_REF);
    }
    if (rules.has(Rule.NAME)
        && a.name != null
        && b.name != null
        && (a.locality == null || b.locality == null || a.locality.equals(b.locality))) {
      best = best.max(nameScore(a, b), Rule.NAME);
    }
    return best;
  }

  /** The name rule's score: weight x Jaro-Winkler, or 0 below the similarity or on a conflict. */
  private double nameScore(Prepared a, Prepared b) {
    if (a.taxId != null && b.taxId != null && !a.taxId.equals(b.taxId)) {
      return 0; // two different tax ids are two different organizations
    }
    if (a.erpRef != null && b.erpRef != null && !a.erpRef.equals(b.erpRef)) {
      return 0;
    }
    double jw = wordSimilarity(a.words, b.words);
    return jw >= rules.nameSimilarity() ? rules.weight(Rule.NAME) * jw : 0;
  }

  /**
   * Jaro-Winkler word by word: each word of the shorter name is paired with its most similar word
   * of the other, and the weakest pair counts. Comparing whole strings instead would let a long
   * shared first name ("Alexander Rador", "Alexander Wese") outweigh different family names. Word
   * order does not matter; a missing word costs {@value #MISSING_WORD}.
   */
  static double wordSimilarity(String[] a, String[] b) {
    String[] shorter = a.length <= b.length ? a : b;
    String[] longer = shorter == a ? b : a;
    double weakest = 1.0;
    for (String w : shorter) {
      double best = 0;
      for (String v : longer) {
        best = Math.max(best, w.equals(v) ? 1.0 : JARO_WINKLER.apply(w, v));
        if (best == 1.0) {
          break;
        }
      }
      weakest = Math.min(weakest, best);
    }
    return a.length == b.length ? weakest : weakest * MISSING_WORD;
  }

  private static boolean shares(String[] a, String[] b) {
    for (String x : a) {
      for (String y : b) {
        if (x.equals(y)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final String[] NONE = new String[0];

  private static String[] one(String s) {
    return s == null ? NONE : new String[] {s};
  }

  private Prepared prepare(MatchRecord r) {
    return new Prepared(r, rules.defaultRegion());
  }

  /** A record in normal form. */
  private static final class Prepared {
    final MatchRecord record;
    final String name;
    final String sorted;
    final String[] words;
    final String locality;
    final String[] emails;
    final String[] phones;
    final String taxId;
    final String erpRef;

    Prepared(MatchRecord r, String region) {
      this.record = r;
      this.name = Normalise.name(r.name(), r.kind());
      this.sorted = Normalise.sortedWords(name);
      this.words = name == null ? NONE : sorted.split(" ");
      this.locality = Normalise.locality(r.locality());
      this.emails = distinct(r.emails(), Normalise::email);
      this.phones = distinct(r.phones(), p -> Normalise.phone(p, region));
      this.taxId = Normalise.taxId(r.taxId());
      this.erpRef = Normalise.erpRef(r.erpRef());
    }

    /** Locality plus the first letters of each word (at most four words). */
    List<String> blockingKeys() {
      String loc = locality == null ? "" : locality;
      Set<String> keys = new LinkedHashSet<>();
      int words = 0;
      for (String w : name.split(" ")) {
        if (words++ == MAX_WORDS) {
          break;
        }
        keys.add(loc + '|' + w.substring(0, Math.min(PREFIX, w.length())));
      }
      return List.copyOf(keys);
    }

    private static String[] distinct(List<String> raw, Function<String, String> norm) {
      if (raw.isEmpty()) {
        return NONE;
      }
      Set<String> out = new LinkedHashSet<>();
      for (String s : raw) {
        String n = norm.apply(s);
        if (n != null) {
          out.add(n);
        }
      }
      return out.toArray(NONE);
    }
  }

  private record Scored(double score, Rule rule) {
    Scored max(double s, Rule r) {
      return s > score ? new Scored(s, r) : this;
    }
  }

  private record Edge(int a, int b, double score, Rule rule) {}

  /** The best edge per pair, and the comparison count. */
  private static final class Edges {
    final Map<Long, Edge> best = new HashMap<>();
    long comparisons;

    void add(int a, int b, double score, Rule rule) {
      int lo = Math.min(a, b);
      int hi = Math.max(a, b);
      if (lo == hi) {
        return;
      }
      long key = ((long) lo << 32) | hi;
      Edge e = best.get(key);
      if (e == null || e.score < score) {
        best.put(key, new Edge(lo, hi, score, rule));
      }
    }
  }

  /** A growable int array. */
  private static final class IntList {
    int[] items = new int[2];
    int size;

    void add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }
  }
}
