package org.loopcrm.crm.shell.internal;

import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.CrmException;
import org.loopcrm.crm.api.integration.IntegrationService;

/**
 * {@code crm:dlq-retry <queue> <message-id>} or {@code crm:dlq-retry --all <queue>}: moves dead
 * letters back to the queue they came from, each in one JMS transaction. Administrators only.
 */
@Command(
    scope = "crm",
    name = "dlq-retry",
    description = "Moves one dead letter (or --all) back to the queue it came from.")
@Service
public class DlqRetryCommand implements Action {
  @Reference IntegrationService integration;

  @Argument(index = 0, name = "queue", required = true, description = "The dead-letter queue")
  String queue;

  @Argument(index = 1, name = "messageId", description = "The message id, as dlq-list shows it")
  String messageId;

  @Option(name = "-a", aliases = "--all", description = "Retry every message the queue holds")
  boolean all;

  @Override
  public Object execute() {
    run(integration, ShellActors.current(), queue, messageId, all, System.out, System.err);
    return null;
  }

  static void run(
      IntegrationService integration,
      Actor actor,
      String queue,
      String messageId,
      boolean all,
      PrintStream out,
      PrintStream err) {
    if (all == (messageId != null)) {
      err.println("Error: give either a message id or --all");
      return;
    }
    try {
      IntegrationOutput.retried(
          all ? integration.retryAll(actor, queue) : integration.retry(actor, queue, messageId),
          out);
    } catch (CrmException e) {
      err.println("Error: " + e.getMessage());
    }
  }
}
