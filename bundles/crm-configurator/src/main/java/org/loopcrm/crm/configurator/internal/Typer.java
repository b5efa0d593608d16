package org.loopcrm.crm.configurator.internal;

import java.util.Map;
import org.loopcrm.crm.api.cto.Option;
import org.loopcrm.crm.configurator.internal.CheckedModel.Attr;

/** Types expressions against a model's attributes; every mistake becomes an ExpressionException. */
final class Typer {
  /** The type of an expression; {@code attr} is set for an option attribute. */
  record Type(String kind, Attr attr) {
    String describe() {
      return switch (kind) {
        case "int" -> "a number";
        case "bool" -> "a condition";
        case "text" -> "a quoted option code";
        default -> "option attribute " + attr.code();
      };
    }
  }

  static final Type INT = new Type("int", null);
  static final Type BOOL = new Type("bool", null);
  static final Type TEXT = new Type("text", null);

  private final Map<String, Attr> attrs;

  Typer(Map<String, Attr> attrs) {
    this.attrs = attrs;
  }

  void expect(Expr e, Type want) {
    Type t = type(e);
    if (!t.kind().equals(want.kind())) {
      throw new ExpressionException(
          "expected " + want.describe() + " but this is " + t.describe(), e.pos());
    }
  }

  Type type(Expr e) {
    if (e instanceof Expr.Num) {
      return INT;
    }
    if (e instanceof Expr.Bool) {
      return BOOL;
    }
    if (e instanceof Expr.Text) {
      return TEXT;
    }
    if (e instanceof Expr.Ref r) {
      Attr a = attr(r.attribute(), r.pos());
      return switch (a.kind()) {
        case INTEGER -> INT;
        case BOOLEAN -> BOOL;
        case OPTION -> new Type("option", a);
      };
    }
    if (e instanceof Expr.Prop p) {
      Attr a = attr(p.attribute(), p.pos());
      if (a.kind() != org.loopcrm.crm.api.cto.Attribute.Kind.OPTION) {
        throw new ExpressionException(
            a.code() + " is not an option attribute, so it has no properties", p.pos());
      }
      for (Option o : a.attribute().options()) {
        if (!o.properties().containsKey(p.property())) {
          throw new ExpressionException(
              "option " + o.code() + " of " + a.code() + " has no property " + p.property(),
              p.pos());
        }
      }
      return INT;
    }
    if (e instanceof Expr.Unary u) {
      if (u.op().equals("-")) {
        expect(u.operand(), INT);
        return INT;
      }
      expect(u.operand(), BOOL);
      return BOOL;
    }
    if (e instanceof Expr.In in) {
      Type t = type(in.operand());
      for (Expr v : in.values()) {
        literal(t, v, in.pos());
      }
      return BOOL;
    }
    return binary((Expr.Binary) e);
  }

  private Type binary(Expr.Binary b) {
    switch (b.op()) {
      case "+", "-", "*", "/" -> {
        expect(b.left(), INT);
        expect(b.right(), INT);
        return INT;
      }
      case "<", "<=", ">", ">=" -> {
        expect(b.left(), INT);
        expect(b.right(), INT);
        return BOOL;
      }
      case "and", "or" -> {
        expect(b.left(), BOOL);
        expect(b.right(), BOOL);
        return BOOL;
      }
      default -> {
        Type l = type(b.left());
        if (l.attr() != null
            && b.right() instanceof Expr.Ref ref
            && !attrs.containsKey(ref.attribute())) {
          throw new ExpressionException(
              "options of " + l.attr().code() + " are written quoted: '" + ref.attribute() + "'",
              ref.pos());
        }
        Type r = type(b.right());
        if (l.attr() != null && r == TEXT) {
          literal(l, b.right(), b.pos());
        } else if (r.attr() != null && l == TEXT) {
          literal(r, b.left(), b.pos());
        } else if (l.attr() != null || r.attr() != null) {
          throw new ExpressionException(
              "an option attribute compares with a quoted option code, e.g. motor = 'M2'", b.pos());
        } else if (!l.kind().equals(r.kind()) || l == TEXT) {
          throw new ExpressionException(
              "cannot compare " + l.describe() + " with " + r.describe(), b.pos());
        }
        return BOOL;
      }
    }
  }

  /** Checks that {@code v} is a literal value of type {@code t}. */
  private void literal(Type t, Expr v, int pos) {
    if (t.attr() != null) {
      if (!(v instanceof Expr.Text text)) {
        throw new ExpressionException(
            "options of " + t.attr().code() + " are written quoted, e.g. '" + firstOption(t) + "'",
            v.pos());
      }
      try {
        t.attr().encode(text.value());
      } catch (IllegalArgumentException e) {
        throw new ExpressionException(e.getMessage(), v.pos());
      }
    } else if (t == INT) {
      if (!(v instanceof Expr.Num)
          && !(v instanceof Expr.Unary u && u.operand() instanceof Expr.Num)) {
        throw new ExpressionException("'in' lists whole numbers here", v.pos());
      }
    } else {
      throw new ExpressionException("'in' needs a number or an option attribute before it", pos);
    }
  }

  private static String firstOption(Type t) {
    return t.attr().attribute().options().get(0).code();
  }

  private Attr attr(String code, int pos) {
    Attr a = attrs.get(code);
    if (a == null) {
      throw new ExpressionException("unknown attribute " + code, pos);
    }
    return a;
  }
}
