package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.CrmException;
import org.loopcrm.crm.api.integration.IntegrationService;

/**
 * {@code crm:route-list}: every route with its state, exchanges done and failed, in flight, last
 * success and error, and lag (messages queued, or the age of a poller's watermark).
 */
@Command(
    scope = "crm",
    name = "route-list",
    description = "Lists the integration routes: state, counts, last success and error, lag.")
@Service
public class RouteListCommand implements Action {
  @Reference IntegrationService integration;

  @Option(name = "-e", aliases = "--errors", description = "Show each route's last error message")
  boolean errors;

  @Override
  public Object execute() {
    try {
      IntegrationOutput.routes(integration.routes(ShellActors.current()), errors, System.out);
    } catch (CrmException e) {
      System.err.println("Error: " + e.getMessage());
    }
    return null;
  }
}
