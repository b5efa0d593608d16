package org.loopcrm.crm.core.internal.jpa;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.BomRule;
import org.loopcrm.crm.api.cto.Configuration;
import org.loopcrm.crm.api.cto.Constraint;
import org.loopcrm.crm.api.cto.Operation;
import org.loopcrm.crm.api.cto.Option;
import org.loopcrm.crm.api.cto.PriceLine;
import org.loopcrm.crm.api.cto.PriceRule;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.RoutingRule;
import org.loopcrm.crm.api.cto.RoutingStep;
import org.loopcrm.crm.api.erp.port.BomLine;
import org.loopcrm.crm.core.internal.json.Json;

/**
 * Product model definitions and saved configurations as the JSON stored with them, and back.
 * Amounts and quantities stay decimal; a constraint carries its kind in {@code type}.
 */
final class ProductModelJson {
  private ProductModelJson() {}

  static String write(ProductModelDefinition d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", d.code());
    m.put("name", d.name());
    m.put("erpProductCode", d.erpProductCode());
    m.put("currency", d.currency());
    m.put("basePrice", d.basePrice());
    m.put("attributes", d.attributes().stream().map(ProductModelJson::attribute).toList());
    m.put("constraints", d.constraints().stream().map(ProductModelJson::constraint).toList());
    List<Map<String, Object>> pricing = new ArrayList<>();
    for (PriceRule r : d.pricing()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("label", r.label());
      x.put("amount", r.amount());
      x.put("per", r.per());
      x.put("when", r.when());
      pricing.add(x);
    }
    m.put("pricing", pricing);
    List<Map<String, Object>> bom = new ArrayList<>();
    for (BomRule r : d.bom()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("component", r.component());
      x.put("quantity", r.quantity());
      x.put("when", r.when());
      bom.add(x);
    }
    m.put("bom", bom);
    List<Map<String, Object>> routing = new ArrayList<>();
    for (RoutingRule r : d.routing()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("sequence", r.sequence());
      x.put("operation", r.operation());
      x.put("workCentre", r.workCentre());
      x.put("minutes", r.minutes());
      x.put("when", r.when());
      routing.add(x);
    }
    m.put("routing", routing);
    return Json.write(m);
  }

  private static Map<String, Object> attribute(Attribute a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", a.code());
    m.put("label", a.label());
    m.put("kind", a.kind().name());
    if (a.kind() == Attribute.Kind.OPTION) {
      List<Map<String, Object>> options = new ArrayList<>();
      for (Option o : a.options()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("code", o.code());
        x.put("label", o.label());
        x.put("price", o.price());
        x.put("properties", new LinkedHashMap<>(o.properties()));
        x.put("components", o.components().stream().map(ProductModelJson::bomLine).toList());
        List<Map<String, Object>> ops = new ArrayList<>();
        for (Operation op : o.operations()) {
          Map<String, Object> y = new LinkedHashMap<>();
          y.put("sequence", op.sequence());
          y.put("operation", op.operation());
          y.put("workCentre", op.workCentre());
          y.put("minutes", op.minutes());
          ops.add(y);
        }
        x.put("operations", ops);
        options.add(x);
      }
      m.put("options", options);
    }
    m.put("min", a.min());
    m.put("max", a.max());
    m.put("unit", a.unit());
    return m;
  }

  private static Map<String, Object> bomLine(BomLine l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("productCode", l.productCode());
    m.put("quantity", l.quantity());
    return m;
  }

  private static Map<String, Object> constraint(Constraint c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (c instanceof Constraint.Requires r) {
      m.put("type", "requires");
      m.put("label", r.label());
      m.put("ifAttribute", r.ifAttribute());
      m.put("ifValues", r.ifValues());
      m.put("thenAttribute", r.thenAttribute());
      m.put("thenValues", r.thenValues());
    } else if (c instanceof Constraint.Excludes r) {
      m.put("type", "excludes");
      m.put("label", r.label());
      m.put("ifAttribute", r.ifAttribute());
      m.put("ifValues", r.ifValues());
      m.put("thenAttribute", r.thenAttribute());
      m.put("thenValues", r.thenValues());
    } else if (c instanceof Constraint.Compatibility t) {
      m.put("type", "compatibility");
      m.put("label", t.label());
      m.put("attributes", t.attributes());
      m.put("tuples", t.tuples());
    } else if (c instanceof Constraint.Range r) {
      m.put("type", "range");
      m.put("label", r.label());
      m.put("attribute", r.attribute());
      m.put("min", r.min());
      m.put("max", r.max());
      m.put("when", r.when());
    } else if (c instanceof Constraint.Formula f) {
      m.put("type", "formula");
      m.put("label", f.label());
      m.put("formula", f.formula());
    }
    return m;
  }

  static ProductModelDefinition read(String json) {
    Map<String, Object> m = Json.readObject(json);
    List<Attribute> attributes = new ArrayList<>();
    for (Map<String, Object> a : maps(m.get("attributes"))) {
      List<Option> options = new ArrayList<>();
      for (Map<String, Object> o : maps(a.get("options"))) {
        Map<String, Integer> props = new LinkedHashMap<>();
        Map<String, Object> p = map(o.get("properties"));
        p.forEach((k, v) -> props.put(k, integer(v)));
        List<Operation> ops = new ArrayList<>();
        for (Map<String, Object> op : maps(o.get("operations"))) {
          ops.add(
              new Operation(
                  integer(op.get("sequence")),
                  (String) op.get("operation"),
                  (String) op.get("workCentre"),
                  (BigDecimal) op.get("minutes")));
        }
        options.add(
            new Option(
                (String) o.get("code"),
                (String) o.get("label"),
                (BigDecimal) o.get("price"),
                props,
                bomLines(o.get("components")),
                ops));
      }
      attributes.add(
          new Attribute(
              (String) a.get("code"),
              (String) a.get("label"),
              Attribute.Kind.valueOf((String) a.get("kind")),
              options,
              integer(a.get("min")),
              integer(a.get("max")),
              (String) a.get("unit")));
    }
    List<Constraint> constraints = new ArrayList<>();
    for (Map<String, Object> c : maps(m.get("constraints"))) {
      String label = (String) c.get("label");
      constraints.add(
          switch ((String) c.get("type")) {
            case "requires" ->
                new Constraint.Requires(
                    label,
                    (String) c.get("ifAttribute"),
                    strings(c.get("ifValues")),
                    (String) c.get("thenAttribute"),
                    strings(c.get("thenValues")));
            case "excludes" ->
                new Constraint.Excludes(
                    label,
                    (String) c.get("ifAttribute"),
                    strings(c.get("ifValues")),
                    (String) c.get("thenAttribute"),
                    strings(c.get("thenValues")));
            case "compatibility" ->
                new Constraint.Compatibility(
                    label,
                    strings(c.get("attributes")),
                    ((List<?>) c.get("tuples")).stream().map(ProductModelJson::strings).toList());
            case "range" ->
                new Constraint.Range(
                    label,
                    (String) c.get("attribute"),
                    integer(c.get("min")),
                    integer(c.get("max")),
                    (String) c.get("when"));
            default -> new Constraint.Formula(label, (String) c.get("formula"));
          });
    }
    List<PriceRule> pricing = new ArrayList<>();
    for (Map<String, Object> r : maps(m.get("pricing"))) {
      pricing.add(
          new PriceRule(
              (String) r.get("label"),
              (BigDecimal) r.get("amount"),
              (String) r.get("per"),
              (String) r.get("when")));
    }
    List<BomRule> bom = new ArrayList<>();
    for (Map<String, Object> r : maps(m.get("bom"))) {
      bom.add(
          new BomRule(
              (String) r.get("component"), (String) r.get("quantity"), (String) r.get("when")));
    }
    List<RoutingRule> routing = new ArrayList<>();
    for (Map<String, Object> r : maps(m.get("routing"))) {
      routing.add(
          new RoutingRule(
              integer(r.get("sequence")),
              (String) r.get("operation"),
              (String) r.get("workCentre"),
              (String) r.get("minutes"),
              (String) r.get("when")));
    }
    return new ProductModelDefinition(
        (String) m.get("code"),
        (String) m.get("name"),
        (String) m.get("erpProductCode"),
        (String) m.get("currency"),
        (BigDecimal) m.get("basePrice"),
        attributes,
        constraints,
        pricing,
        bom,
        routing);
  }

  /** The stored part of a configuration: what the row's columns do not hold. */
  static String writeConfiguration(Configuration c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("erpProductCode", c.erpProductCode());
    m.put("selections", new LinkedHashMap<>(c.selections()));
    List<Map<String, Object>> price = new ArrayList<>();
    for (PriceLine l : c.price()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("label", l.label());
      x.put("amount", l.amount());
      price.add(x);
    }
    m.put("price", price);
    m.put("bom", c.bom().stream().map(ProductModelJson::bomLine).toList());
    List<Map<String, Object>> routing = new ArrayList<>();
    for (RoutingStep s : c.routing()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("sequence", s.sequence());
      x.put("operation", s.operation());
      x.put("workCentre", s.workCentre());
      x.put("minutes", s.minutes());
      routing.add(x);
    }
    m.put("routing", routing);
    return Json.write(m);
  }

  /** The parts of a configuration its JSON holds. */
  record StoredConfiguration(
      String erpProductCode,
      Map<String, String> selections,
      List<PriceLine> price,
      List<BomLine> bom,
      List<RoutingStep> routing) {}

  static StoredConfiguration readConfiguration(String json) {
    Map<String, Object> m = Json.readObject(json);
    Map<String, String> selections = new LinkedHashMap<>();
    map(m.get("selections")).forEach((k, v) -> selections.put(k, (String) v));
    List<PriceLine> price = new ArrayList<>();
    for (Map<String, Object> l : maps(m.get("price"))) {
      price.add(new PriceLine((String) l.get("label"), (BigDecimal) l.get("amount")));
    }
    List<RoutingStep> routing = new ArrayList<>();
    for (Map<String, Object> s : maps(m.get("routing"))) {
      routing.add(
          new RoutingStep(
              integer(s.get("sequence")),
              (String) s.get("operation"),
              (String) s.get("workCentre"),
              (BigDecimal) s.get("minutes")));
    }
    return new StoredConfiguration(
        (String) m.get("erpProductCode"), selections, price, bomLines(m.get("bom")), routing);
  }

  private static List<BomLine> bomLines(Object v) {
    List<BomLine> out = new ArrayList<>();
    for (Map<String, Object> l : maps(v)) {
      out.add(new BomLine((String) l.get("productCode"), (BigDecimal) l.get("quantity")));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object v) {
    return v == null ? Map.of() : (Map<String, Object>) v;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object v) {
    return v == null ? List.of() : (List<Map<String, Object>>) v;
  }

  private static List<String> strings(Object v) {
    return v == null ? List.of() : ((List<?>) v).stream().map(x -> (String) x).toList();
  }

  private static Integer integer(Object v) {
    return v == null ? null : ((BigDecimal) v).intValueExact();
  }
}
