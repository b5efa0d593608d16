package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.cto.ProductModel;
import org.loopcrm.crm.api.cto.ProductModelService;

/** {@code crm:model-list}: configure-to-order product models, the latest revision of each. */
@Command(
    scope = "crm",
    name = "model-list",
    description = "Lists configure-to-order product models by code, the latest revision of each.")
@Service
public class ModelListCommand implements Action {
  @Reference ProductModelService models;

  @Option(name = "-l", aliases = "--limit", description = "Models per page, 1 to 200")
  int limit = 50;

  @Option(name = "-c", aliases = "--cursor", description = "Cursor printed under the previous page")
  String cursor;

  @Override
  public Object execute() {
    Page<ProductModel> page = models.list(ShellActors.current(), limit, cursor);
    print(page, System.out);
    page.nextCursor().ifPresent(c -> System.out.println("more: crm:model-list --cursor " + c));
    return null;
  }

  static void print(Page<ProductModel> page, PrintStream out) {
    ShellTable table = new ShellTable();
    table.column("Code");
    table.column("Rev");
    table.column("Status");
    table.column("Name");
    table.column("ERP product");
    table.column("Attributes");
    table.column("Constraints");
    for (ProductModel m : page.items()) {
      table
          .addRow()
          .addContent(
              m.code(),
              m.revision(),
              m.status(),
              m.definition().name(),
              m.definition().erpProductCode(),
              m.definition().attributes().size(),
              m.definition().constraints().size());
    }
    table.print(out);
  }
}
