package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.sales.Forecast;
import org.loopcrm.crm.api.sales.ForecastGrouping;
import org.loopcrm.crm.api.sales.ForecastQuery;
import org.loopcrm.crm.api.sales.ForecastRow;
import org.loopcrm.crm.api.sales.ForecastService;

/** {@code crm:forecast <period> [--by owner|team|product|category]}: the forecast of a period. */
@Command(
    scope = "crm",
    name = "forecast",
    description =
        "Shows the forecast of a month (2027-03), quarter (2027-Q1) or year (2027) over the"
            + " opportunities you see, per currency: pipeline, best case, commit, closed (won),"
            + " weighted, quota and attainment.")
@Service
public class ForecastCommand implements Action {
  @Reference ForecastService forecasts;

  @Argument(index = 0, name = "period", required = true, description = "2027-03, 2027-Q1 or 2027")
  String period;

  @Option(name = "-b", aliases = "--by", description = "owner (default), team, product, category")
  @Completion(
      value = StringsCompleter.class,
      values = {"owner", "team", "product", "category"})
  String by;

  @Option(name = "-p", aliases = "--pipeline", description = "Only this pipeline's")
  String pipeline;

  @Option(name = "-o", aliases = "--owner", description = "Only this owner's")
  String owner;

  @Override
  public Object execute() {
    Forecast f =
        forecasts.forecast(
            ShellActors.current(), new ForecastQuery(period, grouping(by), pipeline, owner, null));
    print(f, System.out);
    return null;
  }

  static ForecastGrouping grouping(String text) {
    if (text == null) {
      return ForecastGrouping.OWNER;
    }
    try {
      return ForecastGrouping.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          List.of(new FieldError("by", "must be owner, team, product or category")));
    }
  }

  static void print(Forecast f, PrintStream out) {
    out.println(
        "Forecast "
            + f.period().key()
            + " ("
            + f.period().start()
            + " to "
            + f.period().end()
            + ") by "
            + f.groupBy().name().toLowerCase(java.util.Locale.ROOT));
    ShellTable table = new ShellTable();
    table.column(f.groupBy().name().charAt(0) + f.groupBy().name().substring(1).toLowerCase());
    table.column("Cur");
    table.column("Count").alignRight();
    table.column("Pipeline").alignRight();
    table.column("Best case").alignRight();
    table.column("Commit").alignRight();
    table.column("Closed").alignRight();
    table.column("Weighted").alignRight();
    table.column("Quota").alignRight();
    table.column("Attained").alignRight();
    for (ForecastRow r : f.rows()) {
      add(table, r.label(), r);
    }
    for (ForecastRow r : f.totals()) {
      add(table, "TOTAL", r);
    }
    table.print(out);
    if (f.rows().isEmpty()) {
      out.println("no opportunities you see close in " + f.period().key());
    }
  }

  private static void add(ShellTable table, String label, ForecastRow r) {
    table
        .addRow()
        .addContent(
            label,
            r.currency(),
            r.count(),
            plain(r.pipeline()),
            plain(r.bestCase()),
            plain(r.commit()),
            plain(r.closed()),
            plain(r.weighted()),
            r.quota() == null ? "-" : plain(r.quota()),
            r.attainment() == null
                ? "-"
                : r.attainment().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)
                    + "%");
  }

  static String plain(BigDecimal d) {
    return d == null ? "" : d.toPlainString();
  }
}
