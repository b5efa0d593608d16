package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.customfield.CustomField;
import org.loopcrm.crm.api.customfield.CustomFieldService;
import org.loopcrm.crm.api.customfield.FieldTarget;

/** {@code crm:field-list [--target account|contact]}: the custom field definitions. */
@Command(scope = "crm", name = "field-list", description = "Lists the custom field definitions.")
@Service
public class FieldListCommand implements Action {
  @Reference CustomFieldService fields;

  @Option(name = "--target", description = "account or contact; both when absent")
  String target;

  @Override
  public Object execute() {
    FieldTarget t =
        target == null ? null : FieldTarget.valueOf(target.strip().toUpperCase(Locale.ROOT));
    print(fields.list(ShellActors.current(), t), System.out);
    return null;
  }

  static void print(List<CustomField> list, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("Target");
    table.column("Key");
    table.column("Label");
    table.column("Type");
    table.column("Required");
    table.column("Constraints");
    table.column("Version");
    for (CustomField f : list) {
      table
          .addRow()
          .addContent(
              f.target(),
              f.key(),
              f.label(),
              f.type(),
              f.required() ? "yes" : "",
              constraints(f),
              f.version());
    }
    table.print(out);
  }

  static String constraints(CustomField f) {
    StringBuilder b = new StringBuilder();
    if (f.maxLength() != null) {
      b.append("max length ").append(f.maxLength());
    }
    if (f.min() != null) {
      b.append("min ").append(f.min().toPlainString()).append(' ');
    }
    if (f.max() != null) {
      b.append("max ").append(f.max().toPlainString());
    }
    if (f.minDate() != null) {
      b.append("from ").append(f.minDate()).append(' ');
    }
    if (f.maxDate() != null) {
      b.append("until ").append(f.maxDate());
    }
    if (!f.options().isEmpty()) {
      b.append(String.join("|", f.options()));
    }
    return b.toString().strip();
  }
}
