package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.cto.Attribute;
import org.loopcrm.crm.api.cto.Constraint;
import org.loopcrm.crm.api.cto.ProductModel;
import org.loopcrm.crm.api.cto.ProductModelDefinition;
import org.loopcrm.crm.api.cto.ProductModelService;

/** {@code crm:model-show <code>}: a product model's attributes and rules. */
@Command(
    scope = "crm",
    name = "model-show",
    description = "Shows a product model: its attributes with their values, and its constraints.")
@Service
public class ModelShowCommand implements Action {
  @Reference ProductModelService models;

  @Argument(index = 0, name = "code", required = true, description = "The model's code")
  @Completion(ModelCodeCompleter.class)
  String code;

  @Option(name = "-r", aliases = "--revision", description = "A revision other than the latest")
  Integer revision;

  @Override
  public Object execute() {
    ProductModel m =
        revision == null
            ? models.get(ShellActors.current(), code)
            : models.get(ShellActors.current(), code, revision);
    print(m, System.out);
    return null;
  }

  static void print(ProductModel m, PrintStream out) {
    ProductModelDefinition d = m.definition();
    out.printf(
        "%s rev %d (%s): %s -> ERP product %s, base price %s %s%n",
        d.code(),
        m.revision(),
        m.status(),
        d.name(),
        d.erpProductCode(),
        d.basePrice().toPlainString(),
        d.currency());
    out.println("Attributes:");
    for (Attribute a : d.attributes()) {
      String values =
          switch (a.kind()) {
            case OPTION ->
                a.options().stream()
                    .map(
                        o ->
                            o.code()
                                + (o.price() == null ? "" : " (" + o.price().toPlainString() + ")"))
                    .collect(Collectors.joining(", "));
            case INTEGER -> a.min() + ".." + a.max() + (a.unit() == null ? "" : " " + a.unit());
            case BOOLEAN -> "true, false";
          };
      out.printf("  %-12s %s: %s%n", a.code(), a.label(), values);
    }
    if (!d.constraints().isEmpty()) {
      out.println("Constraints:");
      for (int i = 0; i < d.constraints().size(); i++) {
        out.printf("  [%d] %s%n", i, describe(d.constraints().get(i)));
      }
    }
    out.printf(
        "Pricing rules: %d, BOM rules: %d, routing rules: %d%n",
        d.pricing().size(), d.bom().size(), d.routing().size());
  }

  static String describe(Constraint c) {
    String what;
    if (c instanceof Constraint.Requires r) {
      what =
          "requires: "
              + r.ifAttribute()
              + " in "
              + r.ifValues()
              + " -> "
              + r.thenAttribute()
              + " in "
              + r.thenValues();
    } else if (c instanceof Constraint.Excludes r) {
      what =
          "excludes: "
              + r.ifAttribute()
              + " in "
              + r.ifValues()
              + " -> "
              + r.thenAttribute()
              + " not in "
              + r.thenValues();
    } else if (c instanceof Constraint.Compatibility t) {
      what = "compatibility of " + t.attributes() + ": " + t.tuples().size() + " allowed tuples";
    } else if (c instanceof Constraint.Range r) {
      what =
          "range: "
              + r.attribute()
              + " in ["
              + r.min()
              + ", "
              + r.max()
              + "]"
              + (r.when() == null ? "" : " when " + r.when());
    } else {
      what = "formula: " + ((Constraint.Formula) c).formula();
    }
    return c.label() + " (" + what + ")";
  }
}
