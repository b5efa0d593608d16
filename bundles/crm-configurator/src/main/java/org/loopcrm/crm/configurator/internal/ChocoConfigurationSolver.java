package org.loopcrm.crm.configurator.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import org.chocosolver.util.criteria.Criterion;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.BrokenConstraint;
import org.loopcrm.crm.api.cto.ConfigurationSolver;
import org.loopcrm.crm.api.cto.Domain;
import org.loopcrm.crm.api.cto.Operation;
import org.loopcrm.crm.api.cto.Option;
import org.loopcrm.crm.api.cto.PriceLine;
import org.loopcrm.crm.api.cto.PriceRule;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.Propagation;
import org.loopcrm.crm.api.cto.RoutingStep;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.configurator.internal.CheckedModel.Attr;
import org.osgi.service.component.annotations.Component;

/**
 * The configurator's solver on Choco. A model is checked and compiled once per code and revision
 * (and recompiled when a draft's definition changes); compiled Choco models are pooled, one per
 * concurrent caller. Domains come from propagation; validity from finding one solution; a
 * contradiction is explained by a deletion filter over the model's constraints. Nothing enumerates
 * variants.
 */
@Component(service = ConfigurationSolver.class)
public final class ChocoConfigurationSolver implements ConfigurationSolver {
  /** Compiled models kept; the least recently used goes first. */
  private static final int CACHE_SIZE = 64;

  /** How long one search for a solution may take before propagation alone decides. */
  private static final long SEARCH_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final Map<String, Entry> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  /** A checked model and its pool of compiled Choco models. */
  private static final class Entry {
    final CheckedModel checked;
    final ConcurrentLinkedDeque<ChocoModel> pool = new ConcurrentLinkedDeque<>();

    Entry(CheckedModel checked) {
      this.checked = checked;
    }

    ChocoModel borrow() {
      ChocoModel m = pool.pollFirst();
      if (m == null) {
        BitSet all = new BitSet();
        all.set(0, checked.definition.constraints().size());
        m = new ChocoModel(checked, all);
      }
      return m;
    }
  }

  @Override
  public List<FieldError> check(ProductModelDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    ModelChecker.Result r = ModelChecker.check(definition);
    if (!r.errors().isEmpty()) {
      return r.errors();
    }
    Propagation p = run(new Entry(r.model()), 0, Map.of());
    if (!p.valid()) {
      return List.of(
          new FieldError(
              "constraints",
              "no configuration satisfies them together: "
                  + String.join("; ", p.broken().stream().map(BrokenConstraint::label).toList())));
    }
    return List.of();
  }

  @Override
  public Propagation configure(
      ProductModelDefinition definition, int revision, Map<String, String> selections) {
    return run(entry(definition, revision), revision, selections);
  }

  /** How many compiled models the cache holds (for tests). */
  int cached() {
    synchronized (cache) {
      return cache.size();
    }
  }

  private Entry entry(ProductModelDefinition definition, int revision) {
    String key = definition.code() + "#" + revision;
    synchronized (cache) {
      Entry e = cache.get(key);
      if (e != null && e.checked.definition.equals(definition)) {
        return e;
      }
    }
    ModelChecker.Result r = ModelChecker.check(definition);
    if (!r.errors().isEmpty()) {
      throw new ValidationException(r.errors());
    }
    Entry e = new Entry(r.model());
    synchronized (cache) {
      cache.put(key, e);
    }
    return e;
  }

  private Propagation run(Entry entry, int revision, Map<String, String> selections) {
    CheckedModel m = entry.checked;
    Map<Integer, Integer> encoded = new LinkedHashMap<>();
    Map<String, String> given = new LinkedHashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, String> s : selections.entrySet()) {
      if (s.getValue() == null || s.getValue().isBlank()) {
        continue;
      }
      Attr a = m.byCode.get(s.getKey());
      if (a == null) {
        errors.add(
            new FieldError(
                "selections." + s.getKey(), "is not an attribute of model " + m.definition.code()));
        continue;
      }
      try {
        encoded.put(a.index(), a.encode(s.getValue()));
        given.put(a.code(), s.getValue().trim());
      } catch (IllegalArgumentException ex) {
        errors.add(new FieldError("selections." + s.getKey(), ex.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String code = m.definition.code();
    String currency = m.definition.currency();
    ChocoModel choco = entry.borrow();
    ChocoModel.Outcome out;
    try {
      out = choco.run(encoded, limit());
    } finally {
      entry.pool.offerFirst(choco);
    }
    if (!out.feasible()) {
      return new Propagation(
          code,
          revision,
          given,
          false,
          false,
          List.of(),
          explain(m, encoded),
          currency,
          List.of(),
          null,
          List.of(),
          List.of());
    }
    List<Domain> domains = new ArrayList<>();
    for (Attr a : m.attributes) {
      if (encoded.containsKey(a.index())) {
        continue;
      }
      int[] d = out.domains()[a.index()];
      if (a.kind() == Attribute.Kind.INTEGER) {
        domains.add(new Domain(a.code(), List.of(), d[0], d[d.length - 1]));
      } else {
        List<String> values = new ArrayList<>();
        for (int v : d) {
          values.add(a.decode(v));
        }
        domains.add(new Domain(a.code(), values, null, null));
      }
    }
    if (encoded.size() < m.attributes.size()) {
      return new Propagation(
          code, revision, given, true, false, domains, List.of(), currency, List.of(), null,
          List.of(), List.of());
    }
    int[] values = new int[m.attributes.size()];
    encoded.forEach((i, v) -> values[i] = v);
    return complete(m, revision, given, values);
  }

  private static Criterion limit() {
    long deadline = System.nanoTime() + SEARCH_LIMIT_NANOS;
    return () -> System.nanoTime() - deadline > 0;
  }

  /**
   * A smallest set of constraints that rules the selections out, by deletion: drop each constraint
   * in turn and keep it dropped when the rest still rules the selections out.
   */
  private static List<BrokenConstraint> explain(CheckedModel m, Map<Integer, Integer> selections) {
    BitSet active = new BitSet();
    active.set(0, m.definition.constraints().size());
    for (int i = 0; i < m.definition.constraints().size(); i++) {
      BitSet without = (BitSet) active.clone();
      without.clear(i);
      if (!new ChocoModel(m, without).run(selections, limit()).feasible()) {
        active = without;
      }
    }
    List<BrokenConstraint> broken = new ArrayList<>();
    for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
      broken.add(new BrokenConstraint(i, m.definition.constraints().get(i).label()));
    }
    return broken;
  }

  private static Propagation complete(
      CheckedModel m, int revision, Map<String, String> given, int[] values) {
    ProductModelDefinition d = m.definition;
    Evaluator ev = new Evaluator(m, values);
    List<PriceLine> price = new ArrayList<>();
    price.add(new PriceLine(d.name(), d.basePrice()));
    Map<String, BigDecimal> bom = new LinkedHashMap<>();
    List<RoutingStep> routing = new ArrayList<>();
    for (int i = 0; i < d.routing().size(); i++) {
      if (m.routingWhen.get(i) == null || ev.test(m.routingWhen.get(i))) {
        BigDecimal minutes = Evaluator.tidy(ev.number(m.routingMinutes.get(i)));
        routing.add(
            new RoutingStep(
                d.routing().get(i).sequence(),
                d.routing().get(i).operation(),
                d.routing().get(i).workCentre(),
                minutes));
      }
    }
    for (Attr a : m.attributes) {
      if (a.kind() != Attribute.Kind.OPTION) {
        continue;
      }
      Option o = a.attribute().options().get(values[a.index()]);
      if (o.price() != null && o.price().signum() != 0) {
        price.add(new PriceLine(a.attribute().label() + ": " + o.label(), o.price()));
      }
      for (BomLine l : o.components()) {
        bom.merge(l.productCode(), l.quantity(), BigDecimal::add);
      }
      for (Operation op : o.operations()) {
        routing.add(new RoutingStep(op.sequence(), op.operation(), op.workCentre(), op.minutes()));
      }
    }
    for (int i = 0; i < d.pricing().size(); i++) {
      PriceRule r = d.pricing().get(i);
      if (m.priceWhen.get(i) == null || ev.test(m.priceWhen.get(i))) {
        BigDecimal amount =
            m.pricePer.get(i) == null
                ? r.amount()
                : r.amount().multiply(ev.number(m.pricePer.get(i)));
        price.add(new PriceLine(r.label(), amount.setScale(2, RoundingMode.HALF_UP)));
      }
    }
    for (int i = 0; i < d.bom().size(); i++) {
      if (m.bomWhen.get(i) == null || ev.test(m.bomWhen.get(i))) {
        BigDecimal q = ev.number(m.bomQuantity.get(i));
        if (q.signum() > 0) {
          bom.merge(d.bom().get(i).component(), q, BigDecimal::add);
        }
      }
    }
    BigDecimal total =
        price.stream()
            .map(PriceLine::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2, RoundingMode.HALF_UP);
    routing.sort(java.util.Comparator.comparingInt(RoutingStep::sequence));
    List<BomLine> lines = new ArrayList<>();
    bom.forEach((c, q) -> lines.add(new BomLine(c, Evaluator.tidy(q))));
    return new Propagation(
        d.code(),
        revision,
        given,
        true,
        true,
        List.of(),
        List.of(),
        d.currency(),
        price,
        total,
        lines,
        routing);
  }
}
