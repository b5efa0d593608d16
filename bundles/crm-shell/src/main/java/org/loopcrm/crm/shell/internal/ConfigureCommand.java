package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.cto.BrokenConstraint;
import org.loopcrm.crm.api.cto.Configuration;
import org.loopcrm.crm.api.cto.ConfiguratorService;
import org.loopcrm.crm.api.cto.Domain;
import org.loopcrm.crm.api.cto.PriceLine;
import org.loopcrm.crm.api.cto.Propagation;
import org.loopcrm.crm.api.cto.RoutingStep;
import org.loopcrm.crm.api.erp.port.BomLine;

/**
 * {@code crm:configure <code> attr=value ...}: the values still open, the rules a contradiction
 * breaks, or the price, BOM and routing of a complete configuration.
 */
@Command(
    scope = "crm",
    name = "configure",
    description =
        "Configures a product model: prints the values each open attribute may still take, the"
            + " rules a contradicting selection breaks, or, when complete, the price, BOM and"
            + " routing. --save stores a complete configuration for a quote.")
@Service
public class ConfigureCommand implements Action {
  @Reference ConfiguratorService configurator;

  @Argument(index = 0, name = "code", required = true, description = "The model's code")
  @Completion(ModelCodeCompleter.class)
  String code;

  @Argument(
      index = 1,
      name = "selections",
      multiValued = true,
      description = "attribute=value pairs, e.g. type=SECTIONAL width=4000")
  List<String> selections;

  @Option(name = "-s", aliases = "--save", description = "Save the complete configuration")
  boolean save;

  @Override
  public Object execute() {
    Map<String, String> s = new LinkedHashMap<>();
    if (selections != null) {
      for (String pair : selections) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          System.out.println("Not configured: '" + pair + "' is not attribute=value");
          return null;
        }
        s.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    try {
      if (save) {
        Configuration c = configurator.save(ShellActors.current(), code, s);
        System.out.println(
            "Saved configuration " + c.id() + " of " + c.modelCode() + " rev " + c.revision());
        return null;
      }
      print(configurator.configure(ShellActors.current(), code, s), System.out);
    } catch (ValidationException e) {
      System.out.println((save ? "Not saved: " : "Not configured: ") + e.getMessage());
    }
    return null;
  }

  static void print(Propagation p, PrintStream out) {
    if (!p.valid()) {
      out.println(p.modelCode() + " rev " + p.revision() + ": the selections contradict:");
      for (BrokenConstraint b : p.broken()) {
        out.println("  [" + b.index() + "] " + b.label());
      }
      return;
    }
    if (!p.complete()) {
      out.println(p.modelCode() + " rev " + p.revision() + ": valid so far; still open:");
      ShellTable table = new ShellTable();
      table.column("Attribute");
      table.column("Possible values");
      for (Domain d : p.domains()) {
        table
            .addRow()
            .addContent(
                d.attribute(),
                d.values().isEmpty() ? d.min() + ".." + d.max() : String.join(", ", d.values()));
      }
      table.print(out);
      return;
    }
    out.println(p.modelCode() + " rev " + p.revision() + ": complete");
    out.println("Price (" + p.currency() + "):");
    for (PriceLine l : p.price()) {
      out.printf("  %-40s %12s%n", l.label(), l.amount().toPlainString());
    }
    out.printf("  %-40s %12s%n", "Total", p.total().toPlainString());
    out.println("BOM:");
    for (BomLine l : p.bom()) {
      out.printf("  %-20s %s%n", l.productCode(), l.quantity().toPlainString());
    }
    out.println("Routing:");
    for (RoutingStep r : p.routing()) {
      out.printf(
          "  %3d %-24s %-8s %s min%n",
          r.sequence(), r.operation(), r.workCentre(), r.minutes().toPlainString());
    }
  }
}
