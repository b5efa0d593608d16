package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.sales.Pipeline;
import org.loopcrm.crm.api.sales.PipelineService;
import org.loopcrm.crm.api.sales.Stage;

/** {@code crm:pipeline-list}: the sales pipelines and their stages. */
@Command(
    scope = "crm",
    name = "pipeline-list",
    description =
        "Lists the sales pipelines, the default first, with each stage's kind, probability,"
            + " forecast category, required fields and gates.")
@Service
public class PipelineListCommand implements Action {
  @Reference PipelineService pipelines;

  @Override
  public Object execute() {
    print(pipelines.pipelines(ShellActors.current()), System.out);
    return null;
  }

  static void print(List<Pipeline> pipelines, PrintStream out) {
    for (Pipeline p : pipelines) {
      out.println(
          p.code()
              + "  "
              + p.name()
              + (p.defaultPipeline() ? "  (default)" : "")
              + (p.active() ? "" : "  (inactive)"));
      ShellTable table = new ShellTable();
      table.column("Stage");
      table.column("Name");
      table.column("Kind");
      table.column("Prob.").alignRight();
      table.column("Forecast");
      table.column("Requires");
      for (Stage s : p.stages()) {
        List<String> needs = new java.util.ArrayList<>(s.requiredFields());
        s.gates().stream().map(Enum::name).sorted().forEach(needs::add);
        table
            .addRow()
            .addContent(
                s.code(),
                s.name(),
                s.kind(),
                s.probability() + "%",
                s.forecastCategory(),
                String.join(", ", needs));
      }
      table.print(out);
    }
  }
}
