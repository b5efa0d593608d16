package org.loopcrm.crm.configurator.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.BomRule;
import org.loopcrm.crm.api.cto.Constraint;
import org.loopcrm.crm.api.cto.Operation;
import org.loopcrm.crm.api.cto.Option;
import org.loopcrm.crm.api.cto.PriceRule;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.RoutingRule;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.configurator.internal.CheckedModel.Attr;

/** Checks a definition and, when it is sound, parses and types every expression in it. */
final class ModelChecker {
  static final Pattern MODEL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "true", "false");

  /** Bounds of integer attributes: well inside the solver's own domain limits. */
  static final int LIMIT = 10_000_000;

  /** Wildcard of a compatibility tuple. */
  static final String ANY = "*";

  private final ProductModelDefinition def;
  private final List<FieldError> errors = new ArrayList<>();
  private final List<Attr> attrs = new ArrayList<>();
  private final Map<String, Attr> byCode = new java.util.LinkedHashMap<>();

  private ModelChecker(ProductModelDefinition def) {
    this.def = def;
  }

  /** The outcome: a checked model or the problems. */
  record Result(CheckedModel model, List<FieldError> errors) {}

  static Result check(ProductModelDefinition def) {
    ModelChecker c = new ModelChecker(def);
    CheckedModel m = c.run();
    return new Result(c.errors.isEmpty() ? m : null, List.copyOf(c.errors));
  }

  private CheckedModel run() {
    if (def.code() == null || !MODEL_CODE.matcher(def.code()).matches()) {
      error(
          "code", "must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit");
    }
    blank("name", def.name());
    blank("erpProductCode", def.erpProductCode());
    if (def.currency() == null || !CURRENCY.matcher(def.currency()).matches()) {
      error("currency", "must be an ISO 4217 code such as EUR");
    }
    if (def.basePrice() == null) {
      error("basePrice", "is required");
    } else if (def.basePrice().signum() < 0) {
      error("basePrice", "must not be negative");
    }
    if (def.attributes().isEmpty()) {
      error("attributes", "needs at least one attribute");
    }
    for (int i = 0; i < def.attributes().size(); i++) {
      attribute(i, def.attributes().get(i));
    }
    Typer typer = new Typer(byCode);
    List<Expr> constraintExprs = new ArrayList<>();
    for (int i = 0; i < def.constraints().size(); i++) {
      constraintExprs.add(constraint("constraints[" + i + "]", def.constraints().get(i), typer));
    }
    List<Expr> priceWhen = new ArrayList<>();
    List<Expr> pricePer = new ArrayList<>();
    for (int i = 0; i < def.pricing().size(); i++) {
      PriceRule r = def.pricing().get(i);
      String at = "pricing[" + i + "]";
      if (r == null) {
        error(at, "is required");
        priceWhen.add(null);
        pricePer.add(null);
        continue;
      }
      blank(at + ".label", r.label());
      if (r.amount() == null) {
        error(at + ".amount", "is required");
      }
      pricePer.add(optional(at + ".per", r.per(), typer, Typer.INT));
      priceWhen.add(optional(at + ".when", r.when(), typer, Typer.BOOL));
    }
    List<Expr> bomQuantity = new ArrayList<>();
    List<Expr> bomWhen = new ArrayList<>();
    for (int i = 0; i < def.bom().size(); i++) {
      BomRule r = def.bom().get(i);
      String at = "bom[" + i + "]";
      if (r == null) {
        error(at, "is required");
        bomQuantity.add(null);
        bomWhen.add(null);
        continue;
      }
      blank(at + ".component", r.component());
      bomQuantity.add(required(at + ".quantity", r.quantity(), typer, Typer.INT));
      bomWhen.add(optional(at + ".when", r.when(), typer, Typer.BOOL));
    }
    List<Expr> routingMinutes = new ArrayList<>();
    List<Expr> routingWhen = new ArrayList<>();
    for (int i = 0; i < def.routing().size(); i++) {
      RoutingRule r = def.routing().get(i);
      String at = "routing[" + i + "]";
      if (r == null) {
        error(at, "is required");
        routingMinutes.add(null);
        routingWhen.add(null);
        continue;
      }
      if (r.sequence() <= 0) {
        error(at + ".sequence", "must be more than zero (operations run by ascending sequence)");
      }
      blank(at + ".operation", r.operation());
      blank(at + ".workCentre", r.workCentre());
      routingMinutes.add(required(at + ".minutes", r.minutes(), typer, Typer.INT));
      routingWhen.add(optional(at + ".when", r.when(), typer, Typer.BOOL));
    }
    return new CheckedModel(
        def,
        attrs,
        constraintExprs,
        priceWhen,
        pricePer,
        bomQuantity,
        bomWhen,
        routingMinutes,
        routingWhen);
  }

  private void attribute(int i, Attribute a) {
    String at = "attributes[" + i + "]";
    if (a == null) {
      error(at, "is required");
      return;
    }
    boolean ok = true;
    if (a.code() == null
        || !NAME.matcher(a.code()).matches()
        || KEYWORDS.contains(a.code().toLowerCase(Locale.ROOT))) {
      error(at + ".code", "must be a name (letters, digits, '_', not starting with a digit)");
      ok = false;
    } else if (byCode.containsKey(a.code())) {
      error(at + ".code", "duplicates attribute " + a.code());
      ok = false;
    }
    blank(at + ".label", a.label());
    if (a.kind() == null) {
      error(at + ".kind", "must be OPTION, INTEGER or BOOLEAN");
      return;
    }
    switch (a.kind()) {
      case OPTION -> {
        if (a.options().isEmpty()) {
          error(at + ".options", "needs at least one option");
          ok = false;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < a.options().size(); j++) {
          ok &= option(at + ".options[" + j + "]", a.options().get(j), seen);
        }
      }
      case INTEGER -> {
        if (a.min() == null) {
          error(at + ".min", "is required for an integer attribute");
          ok = false;
        }
        if (a.max() == null) {
          error(at + ".max", "is required for an integer attribute");
          ok = false;
        }
        if (a.min() != null && a.max() != null) {
          if (a.min() > a.max()) {
            error(at + ".min", "must not be above max (" + a.max() + ")");
            ok = false;
          }
          if (a.min() < -LIMIT || a.max() > LIMIT) {
            error(at + ".max", "bounds must lie within ±" + LIMIT);
            ok = false;
          }
        }
      }
      case BOOLEAN -> {}
    }
    if (ok) {
      Attr attr = new Attr(attrs.size(), a);
      attrs.add(attr);
      byCode.put(a.code(), attr);
    }
  }

  private boolean option(String at, Option o, Set<String> seen) {
    if (o == null) {
      error(at, "is required");
      return false;
    }
    boolean ok = true;
    if (o.code() == null || o.code().isBlank() || o.code().equals(ANY)) {
      error(at + ".code", "must not be blank or '*'");
      ok = false;
    } else if (!seen.add(o.code())) {
      error(at + ".code", "duplicates option " + o.code());
      ok = false;
    }
    blank(at + ".label", o.label());
    for (Map.Entry<String, Integer> p : o.properties().entrySet()) {
      if (!NAME.matcher(p.getKey()).matches()) {
        error(at + ".properties." + p.getKey(), "must be named by a name");
      } else if (p.getValue() == null || Math.abs((long) p.getValue()) > LIMIT) {
        error(at + ".properties." + p.getKey(), "must be a whole number within ±" + LIMIT);
      }
    }
    for (int k = 0; k < o.components().size(); k++) {
      bomLine(at + ".components[" + k + "]", o.components().get(k));
    }
    for (int k = 0; k < o.operations().size(); k++) {
      Operation op = o.operations().get(k);
      String opAt = at + ".operations[" + k + "]";
      if (op == null) {
        error(opAt, "is required");
        continue;
      }
      if (op.sequence() <= 0) {
        error(opAt + ".sequence", "must be more than zero (operations run by ascending sequence)");
      }
      blank(opAt + ".operation", op.operation());
      blank(opAt + ".workCentre", op.workCentre());
      if (op.minutes() == null || op.minutes().signum() < 0) {
        error(opAt + ".minutes", "must be zero or more");
      }
    }
    return ok;
  }

  private void bomLine(String at, BomLine l) {
    if (l == null) {
      error(at, "is required");
      return;
    }
    blank(at + ".productCode", l.productCode());
    if (l.quantity() == null || l.quantity().compareTo(BigDecimal.ZERO) <= 0) {
      error(at + ".quantity", "must be more than zero");
    }
  }

  private Expr constraint(String at, Constraint c, Typer typer) {
    if (c == null) {
      error(at, "is required");
      return null;
    }
    blank(at + ".label", c.label());
    if (c instanceof Constraint.Requires r) {
      values(at + ".ifAttribute", at + ".ifValues", r.ifAttribute(), r.ifValues());
      values(at + ".thenAttribute", at + ".thenValues", r.thenAttribute(), r.thenValues());
      return null;
    }
    if (c instanceof Constraint.Excludes r) {
      values(at + ".ifAttribute", at + ".ifValues", r.ifAttribute(), r.ifValues());
      values(at + ".thenAttribute", at + ".thenValues", r.thenAttribute(), r.thenValues());
      return null;
    }
    if (c instanceof Constraint.Compatibility t) {
      compatibility(at, t);
      return null;
    }
    if (c instanceof Constraint.Range r) {
      Attr a = attr(at + ".attribute", r.attribute());
      if (a != null && a.kind() != Attribute.Kind.INTEGER) {
        error(at + ".attribute", a.code() + " is not an integer attribute");
      }
      if (r.min() > r.max()) {
        error(at + ".min", "must not be above max (" + r.max() + ")");
      }
      return optional(at + ".when", r.when(), typer, Typer.BOOL);
    }
    return required(at + ".formula", ((Constraint.Formula) c).formula(), typer, Typer.BOOL);
  }

  private void compatibility(String at, Constraint.Compatibility t) {
    if (t.attributes().size() < 2) {
      error(at + ".attributes", "needs at least two attributes");
      return;
    }
    List<Attr> cols = new ArrayList<>();
    for (int k = 0; k < t.attributes().size(); k++) {
      Attr a = attr(at + ".attributes[" + k + "]", t.attributes().get(k));
      if (a != null && cols.contains(a)) {
        error(at + ".attributes[" + k + "]", "names " + a.code() + " twice");
      }
      cols.add(a);
    }
    if (t.tuples().isEmpty()) {
      error(at + ".tuples", "needs at least one allowed combination");
    }
    for (int k = 0; k < t.tuples().size(); k++) {
      List<String> tuple = t.tuples().get(k);
      if (tuple.size() != cols.size()) {
        error(
            at + ".tuples[" + k + "]",
            "has " + tuple.size() + " values for " + cols.size() + " attributes");
        continue;
      }
      for (int j = 0; j < tuple.size(); j++) {
        if (cols.get(j) != null && !ANY.equals(tuple.get(j))) {
          value(at + ".tuples[" + k + "][" + j + "]", cols.get(j), tuple.get(j));
        }
      }
    }
  }

  private void values(String attrAt, String valuesAt, String code, List<String> values) {
    Attr a = attr(attrAt, code);
    if (values.isEmpty()) {
      error(valuesAt, "needs at least one value");
    }
    if (a != null) {
      for (int k = 0; k < values.size(); k++) {
        value(valuesAt + "[" + k + "]", a, values.get(k));
      }
    }
  }

  private void value(String at, Attr a, String value) {
    try {
      a.encode(value);
    } catch (IllegalArgumentException e) {
      error(at, e.getMessage());
    }
  }

  private Attr attr(String at, String code) {
    if (code == null || code.isBlank()) {
      error(at, "is required");
      return null;
    }
    Attr a = byCode.get(code);
    if (a == null) {
      error(at, "names no attribute of the model: " + code);
    }
    return a;
  }

  private Expr required(String at, String source, Typer typer, Typer.Type want) {
    if (source == null || source.isBlank()) {
      error(at, "is required");
      return null;
    }
    return optional(at, source, typer, want);
  }

  private Expr optional(String at, String source, Typer typer, Typer.Type want) {
    if (source == null || source.isBlank()) {
      return null;
    }
    try {
      Expr e = ExpressionParser.parse(source);
      typer.expect(e, want);
      return e;
    } catch (ExpressionException e) {
      error(at, e.getMessage());
      return null;
    }
  }

  private void blank(String field, String value) {
    if (value == null || value.isBlank()) {
      error(field, "must not be blank");
    }
  }

  private void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }
}
