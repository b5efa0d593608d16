package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.CrmException;
import org.loopcrm.crm.api.integration.IntegrationService;

/**
 * {@code crm:route-replay <route> [from]}: a poller reads its ERP streams again from {@code from};
 * a queue route gets its dead letters back. Administrators only.
 */
@Command(
    scope = "crm",
    name = "route-replay",
    description =
        "Replays a route: a poller re-reads its ERP streams from an instant, a queue route retries"
            + " its dead letters.")
@Service
public class RouteReplayCommand implements Action {
  @Reference IntegrationService integration;

  @Argument(index = 0, name = "route", required = true, description = "The route id")
  String route;

  @Argument(
      index = 1,
      name = "from",
      description = "For a poller: ISO-8601 instant to read again from, e.g. 2026-01-31T00:00:00Z")
  String from;

  @Override
  public Object execute() {
    run(integration, ShellActors.current(), route, from, System.out, System.err);
    return null;
  }

  static void run(
      IntegrationService integration,
      Actor actor,
      String route,
      String from,
      PrintStream out,
      PrintStream err) {
    Instant at = null;
    if (from != null) {
      try {
        at = Instant.parse(from);
      } catch (DateTimeParseException e) {
        err.println("Error: from must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        return;
      }
    }
    try {
      IntegrationOutput.replayed(integration.replay(actor, route, at), out);
    } catch (CrmException e) {
      err.println("Error: " + e.getMessage());
    }
  }
}
