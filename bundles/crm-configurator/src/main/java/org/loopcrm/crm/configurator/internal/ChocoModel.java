package org.loopcrm.crm.configurator.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.constraints.Constraint;
import org.chocosolver.solver.constraints.extension.Tuples;
import org.chocosolver.solver.expression.discrete.arithmetic.ArExpression;
import org.chocosolver.solver.expression.discrete.relational.ReExpression;
import org.chocosolver.solver.search.loop.monitors.IMonitorInitialize;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.util.criteria.Criterion;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.configurator.internal.CheckedModel.Attr;

/**
 * A checked product model compiled into a Choco model: one variable per attribute (the option's
 * index, the integer, 0/1), one Choco constraint (or a few) per model constraint. Compiled once and
 * reused: {@link #run} posts the selections as temporary constraints, lets Choco's initial
 * propagation narrow the domains, looks for one solution to prove the selections feasible, then
 * resets the solver and takes the selections back. Not thread-safe: callers pool instances.
 */
final class ChocoModel {
  /** Integer attributes with a range wider than this get a bounds-only domain. */
  private static final int ENUMERATED_LIMIT = 4096;

  /** A value no attribute can take: the "*" of compatibility tuples. */
  private static final int ANY = Integer.MIN_VALUE / 4;

  private final CheckedModel checked;
  private final Model model;
  private final Solver solver;
  private final IntVar[] vars;
  private final Map<String, IntVar> properties = new HashMap<>();

  /**
   * Compiles the model with the constraints whose bit is set (all for configuring; subsets when a
   * contradiction is explained).
   */
  ChocoModel(CheckedModel checked, BitSet active) {
    this.checked = checked;
    this.model = new Model(checked.definition.code());
    this.solver = model.getSolver();
    this.vars = new IntVar[checked.attributes.size()];
    for (Attr a : checked.attributes) {
      vars[a.index()] =
          switch (a.kind()) {
            case BOOLEAN -> model.boolVar(a.code());
            case OPTION -> model.intVar(a.code(), 0, a.hi());
            case INTEGER ->
                model.intVar(a.code(), a.lo(), a.hi(), (long) a.hi() - a.lo() > ENUMERATED_LIMIT);
          };
    }
    List<org.loopcrm.crm.api.cto.Constraint> cs = checked.definition.constraints();
    for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
      post(cs.get(i), checked.constraintExprs.get(i));
    }
  }

  private void post(org.loopcrm.crm.api.cto.Constraint c, Expr expr) {
    if (c instanceof org.loopcrm.crm.api.cto.Constraint.Requires r) {
      BoolVar when = member(r.ifAttribute(), r.ifValues());
      BoolVar then = member(r.thenAttribute(), r.thenValues());
      model.arithm(when, "<=", then).post();
    } else if (c instanceof org.loopcrm.crm.api.cto.Constraint.Excludes r) {
      BoolVar when = member(r.ifAttribute(), r.ifValues());
      BoolVar then = member(r.thenAttribute(), r.thenValues());
      model.arithm(when, "+", then, "<=", 1).post();
    } else if (c instanceof org.loopcrm.crm.api.cto.Constraint.Compatibility t) {
      List<Attr> cols = t.attributes().stream().map(checked.byCode::get).toList();
      Tuples tuples = new Tuples(true);
      boolean star = false;
      for (List<String> row : t.tuples()) {
        int[] tuple = new int[row.size()];
        for (int j = 0; j < row.size(); j++) {
          if (ModelChecker.ANY.equals(row.get(j))) {
            tuple[j] = ANY;
            star = true;
          } else {
            tuple[j] = cols.get(j).encode(row.get(j));
          }
        }
        tuples.add(tuple);
      }
      if (star) {
        tuples.setUniversalValue(ANY);
      }
      IntVar[] scope = cols.stream().map(a -> vars[a.index()]).toArray(IntVar[]::new);
      model.table(scope, tuples, "CT+").post();
    } else if (c instanceof org.loopcrm.crm.api.cto.Constraint.Range r) {
      IntVar x = vars[checked.byCode.get(r.attribute()).index()];
      if (expr == null) {
        model.member(x, r.min(), r.max()).post();
      } else {
        bool(expr).imp(x.ge(r.min()).and(x.le(r.max()))).post();
      }
    } else {
      bool(expr).post();
    }
  }

  private BoolVar member(String attribute, List<String> values) {
    Attr a = checked.byCode.get(attribute);
    int[] set = values.stream().mapToInt(a::encode).distinct().toArray();
    return model.member(vars[a.index()], set).reify();
  }

  /** Compiles a typed condition. */
  ReExpression bool(Expr e) {
    if (e instanceof Expr.Bool b) {
      return model.boolVar(b.value());
    }
    if (e instanceof Expr.Ref r) {
      return (BoolVar) vars[checked.byCode.get(r.attribute()).index()];
    }
    if (e instanceof Expr.Unary u) {
      return bool(u.operand()).not();
    }
    if (e instanceof Expr.In in) {
      if (in.operand() instanceof Expr.Ref r && isOption(r)) {
        Attr a = checked.byCode.get(r.attribute());
        int[] set = in.values().stream().mapToInt(v -> a.encode(((Expr.Text) v).value())).toArray();
        return vars[a.index()].in(set);
      }
      int[] set = in.values().stream().mapToInt(v -> (int) Evaluator.constant(v)).toArray();
      return arith(in.operand()).in(set);
    }
    Expr.Binary b = (Expr.Binary) e;
    return switch (b.op()) {
      case "and" -> bool(b.left()).and(bool(b.right()));
      case "or" -> bool(b.left()).or(bool(b.right()));
      case "<" -> arith(b.left()).lt(arith(b.right()));
      case "<=" -> arith(b.left()).le(arith(b.right()));
      case ">" -> arith(b.left()).gt(arith(b.right()));
      case ">=" -> arith(b.left()).ge(arith(b.right()));
      default -> equality(b);
    };
  }

  private ReExpression equality(Expr.Binary b) {
    boolean eq = b.op().equals("=");
    if (b.left() instanceof Expr.Text || b.right() instanceof Expr.Text) {
      Expr.Ref ref = (Expr.Ref) (b.left() instanceof Expr.Text ? b.right() : b.left());
      Expr.Text text = (Expr.Text) (b.left() instanceof Expr.Text ? b.left() : b.right());
      Attr a = checked.byCode.get(ref.attribute());
      int v = a.encode(text.value());
      return eq ? vars[a.index()].eq(v) : vars[a.index()].ne(v);
    }
    if (isCondition(b.left())) {
      ReExpression l = bool(b.left());
      ReExpression r = bool(b.right());
      return eq ? l.iff(r) : l.xor(r);
    }
    ArExpression l = arith(b.left());
    ArExpression r = arith(b.right());
    return eq ? l.eq(r) : l.ne(r);
  }

  /** Compiles a typed number. */
  ArExpression arith(Expr e) {
    if (e instanceof Expr.Num n) {
      return model.intVar((int) n.value());
    }
    if (e instanceof Expr.Ref r) {
      return vars[checked.byCode.get(r.attribute()).index()];
    }
    if (e instanceof Expr.Prop p) {
      return property(p);
    }
    if (e instanceof Expr.Unary u) {
      return arith(u.operand()).neg();
    }
    Expr.Binary b = (Expr.Binary) e;
    return switch (b.op()) {
      case "+" -> arith(b.left()).add(arith(b.right()));
      case "-" -> arith(b.left()).sub(arith(b.right()));
      case "*" -> arith(b.left()).mul(arith(b.right()));
      case "/" -> arith(b.left()).div(arith(b.right()));
      default -> throw new IllegalStateException("not a number: " + e);
    };
  }

  private IntVar property(Expr.Prop p) {
    return properties.computeIfAbsent(
        p.attribute() + "." + p.property(),
        key -> {
          Attr a = checked.byCode.get(p.attribute());
          int[] table =
              a.attribute().options().stream()
                  .mapToInt(o -> o.properties().get(p.property()))
                  .toArray();
          int lo = java.util.Arrays.stream(table).min().orElse(0);
          int hi = java.util.Arrays.stream(table).max().orElse(0);
          IntVar v = model.intVar(key, lo, hi);
          model.element(v, table, vars[a.index()]).post();
          return v;
        });
  }

  private boolean isOption(Expr.Ref r) {
    return checked.byCode.get(r.attribute()).kind() == Attribute.Kind.OPTION;
  }

  private boolean isCondition(Expr e) {
    if (e instanceof Expr.Bool || e instanceof Expr.In) {
      return true;
    }
    if (e instanceof Expr.Ref r) {
      return checked.byCode.get(r.attribute()).kind() == Attribute.Kind.BOOLEAN;
    }
    if (e instanceof Expr.Unary u) {
      return u.op().equals("not");
    }
    if (e instanceof Expr.Binary b) {
      return !List.of("+", "-", "*", "/").contains(b.op());
    }
    return false;
  }

  /** What one run found. */
  record Outcome(boolean feasible, int[][] domains) {}

  /**
   * Propagates the selections (attribute index to encoded value) and proves them feasible by
   * finding one solution. The model is as it was before when this returns.
   *
   * @param searchLimit stops the search for a solution; when it stops, propagation decides
   */
  Outcome run(Map<Integer, Integer> selections, Criterion searchLimit) {
    List<Constraint> temporary = new ArrayList<>(selections.size());
    selections.forEach((i, v) -> temporary.add(model.arithm(vars[i], "=", v)));
    int[][] domains = new int[vars.length][];
    boolean[] propagated = {false};
    IMonitorInitialize capture =
        new IMonitorInitialize() {
          @Override
          public void afterInitialize(boolean correct) {
            propagated[0] = correct;
            if (correct) {
              for (int i = 0; i < vars.length; i++) {
                domains[i] = values(vars[i]);
              }
            }
          }
        };
    model.post(temporary.toArray(Constraint[]::new));
    solver.plugMonitor(capture);
    if (searchLimit != null) {
      solver.addStopCriterion(searchLimit);
    }
    try {
      boolean found = solver.solve();
      boolean stopped = !found && solver.isStopCriterionMet();
      boolean feasible = propagated[0] && (found || stopped);
      return new Outcome(feasible, feasible ? domains : null);
    } finally {
      if (searchLimit != null) {
        solver.removeStopCriterion(searchLimit);
      }
      solver.unplugMonitor(capture);
      solver.reset();
      model.unpost(temporary.toArray(Constraint[]::new));
    }
  }

  /** A bounded domain as {lb, ub}; an enumerated one value by value. */
  private static int[] values(IntVar v) {
    if (!v.hasEnumeratedDomain()) {
      return new int[] {v.getLB(), v.getUB()};
    }
    int[] out = new int[v.getDomainSize()];
    int k = 0;
    for (int x = v.getLB(); x <= v.getUB(); x = v.nextValue(x)) {
      out[k++] = x;
    }
    return out;
  }
}
