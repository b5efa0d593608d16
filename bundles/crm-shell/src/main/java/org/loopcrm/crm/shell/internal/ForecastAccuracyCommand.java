package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.sales.ForecastAccuracy;
import org.loopcrm.crm.api.sales.ForecastService;

/** {@code crm:forecast-accuracy <period>}: each snapshot's forecast against what is won now. */
@Command(
    scope = "crm",
    name = "forecast-accuracy",
    description =
        "Compares each snapshot of a period with what is won in it now: commit, best case and"
            + " weighted forecasts, actual − forecast and actual / forecast, per currency.")
@Service
public class ForecastAccuracyCommand implements Action {
  @Reference ForecastService forecasts;

  @Argument(index = 0, name = "period", required = true, description = "2027-03, 2027-Q1 or 2027")
  String period;

  @Override
  public Object execute() {
    print(period, forecasts.accuracy(ShellActors.current(), period), System.out);
    return null;
  }

  static void print(String period, List<ForecastAccuracy> rows, PrintStream out) {
    if (rows.isEmpty()) {
      out.println("no snapshot of " + period + " yet: take one with crm:forecast-snapshot");
      return;
    }
    ShellTable table = new ShellTable();
    table.column("Snapshot taken");
    table.column("Cur");
    table.column("Actual").alignRight();
    table.column("Commit").alignRight();
    table.column("Diff").alignRight();
    table.column("Ratio").alignRight();
    table.column("Best case").alignRight();
    table.column("Diff").alignRight();
    table.column("Ratio").alignRight();
    table.column("Weighted").alignRight();
    table.column("Diff").alignRight();
    table.column("Ratio").alignRight();
    for (ForecastAccuracy a : rows) {
      table
          .addRow()
          .addContent(
              a.takenAt(),
              a.currency(),
              a.actual().toPlainString(),
              a.commit().forecast().toPlainString(),
              signed(a.commit().difference()),
              ratio(a.commit().ratio()),
              a.bestCase().forecast().toPlainString(),
              signed(a.bestCase().difference()),
              ratio(a.bestCase().ratio()),
              a.weighted().forecast().toPlainString(),
              signed(a.weighted().difference()),
              ratio(a.weighted().ratio()));
    }
    table.print(out);
  }

  private static String signed(BigDecimal d) {
    return (d.signum() > 0 ? "+" : "") + d.toPlainString();
  }

  private static String ratio(BigDecimal r) {
    return r == null ? "-" : r.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }
}
