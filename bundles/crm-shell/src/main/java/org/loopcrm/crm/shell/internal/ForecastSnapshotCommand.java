package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.sales.ForecastService;
import org.loopcrm.crm.api.sales.ForecastSnapshot;

/** {@code crm:forecast-snapshot <period>}: snapshots a period's opportunities now. */
@Command(
    scope = "crm",
    name = "forecast-snapshot",
    description =
        "Takes a snapshot of every opportunity closing in a period, to measure the forecast's"
            + " accuracy later (administrators and managers).")
@Service
public class ForecastSnapshotCommand implements Action {
  @Reference ForecastService forecasts;

  @Argument(index = 0, name = "period", required = true, description = "2027-03, 2027-Q1 or 2027")
  String period;

  @Override
  public Object execute() {
    System.out.println(describe(forecasts.snapshot(ShellActors.current(), period)));
    return null;
  }

  static String describe(ForecastSnapshot s) {
    return "snapshot "
        + s.id()
        + " of "
        + s.period()
        + ": "
        + s.opportunities()
        + " opportunities at "
        + s.takenAt();
  }
}
