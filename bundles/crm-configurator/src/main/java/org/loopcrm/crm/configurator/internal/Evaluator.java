package org.loopcrm.crm.configurator.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.loopcrm.crm.configurator.internal.CheckedModel.Attr;

/**
 * Evaluates typed expressions on a complete configuration, in decimals: quantities, minutes and
 * per-unit prices ({@code width / 1000} is 1.25 for 1250 here, while a constraint divides whole
 * numbers in the solver).
 */
final class Evaluator {
  private static final MathContext MC = MathContext.DECIMAL64;

  private final CheckedModel model;
  private final int[] values;

  /**
   * @param values the encoded value of every attribute, by attribute index
   */
  Evaluator(CheckedModel model, int[] values) {
    this.model = model;
    this.values = values;
  }

  boolean test(Expr e) {
    if (e instanceof Expr.Bool b) {
      return b.value();
    }
    if (e instanceof Expr.Ref r) {
      return values[attr(r.attribute()).index()] == 1;
    }
    if (e instanceof Expr.Unary u) {
      return !test(u.operand());
    }
    if (e instanceof Expr.In in) {
      for (Expr v : in.values()) {
        if (same(in.operand(), v)) {
          return true;
        }
      }
      return false;
    }
    Expr.Binary b = (Expr.Binary) e;
    return switch (b.op()) {
      case "and" -> test(b.left()) && test(b.right());
      case "or" -> test(b.left()) || test(b.right());
      case "<" -> number(b.left()).compareTo(number(b.right())) < 0;
      case "<=" -> number(b.left()).compareTo(number(b.right())) <= 0;
      case ">" -> number(b.left()).compareTo(number(b.right())) > 0;
      case ">=" -> number(b.left()).compareTo(number(b.right())) >= 0;
      case "=" -> same(b.left(), b.right());
      default -> !same(b.left(), b.right());
    };
  }

  private boolean same(Expr l, Expr r) {
    if (l instanceof Expr.Text t) {
      return same(r, t);
    }
    if (r instanceof Expr.Text t) {
      Attr a = attr(((Expr.Ref) l).attribute());
      return values[a.index()] == a.encode(t.value());
    }
    if (isNumber(l)) {
      return number(l).compareTo(number(r)) == 0;
    }
    return test(l) == test(r);
  }

  private boolean isNumber(Expr e) {
    if (e instanceof Expr.Num || e instanceof Expr.Prop) {
      return true;
    }
    if (e instanceof Expr.Ref r) {
      return attr(r.attribute()).kind() == org.loopcrm.crm.api.cto.Attribute.Kind.INTEGER;
    }
    if (e instanceof Expr.Unary u) {
      return u.op().equals("-");
    }
    if (e instanceof Expr.Binary b) {
      return List.of("+", "-", "*", "/").contains(b.op());
    }
    return false;
  }

  BigDecimal number(Expr e) {
    if (e instanceof Expr.Num n) {
      return BigDecimal.valueOf(n.value());
    }
    if (e instanceof Expr.Ref r) {
      return BigDecimal.valueOf(values[attr(r.attribute()).index()]);
    }
    if (e instanceof Expr.Prop p) {
      Attr a = attr(p.attribute());
      return BigDecimal.valueOf(
          a.attribute().options().get(values[a.index()]).properties().get(p.property()));
    }
    if (e instanceof Expr.Unary u) {
      return number(u.operand()).negate();
    }
    Expr.Binary b = (Expr.Binary) e;
    BigDecimal l = number(b.left());
    BigDecimal r = number(b.right());
    return switch (b.op()) {
      case "+" -> l.add(r);
      case "-" -> l.subtract(r);
      case "*" -> l.multiply(r);
      default -> r.signum() == 0 ? BigDecimal.ZERO : l.divide(r, MC);
    };
  }

  /** Rounds a quantity or duration for output: 6 decimals at most, no trailing zeros. */
  static BigDecimal tidy(BigDecimal v) {
    BigDecimal r = v.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    return r.scale() < 0 ? r.setScale(0) : r;
  }

  /** The value of a literal number ({@code 3} or {@code -3}) in an 'in' list. */
  static long constant(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.value();
    }
    return -constant(((Expr.Unary) e).operand());
  }

  private Attr attr(String code) {
    return model.byCode.get(code);
  }
}
