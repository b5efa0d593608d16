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
 * {@code crm:dlq-list [queue]}: without a queue, the dead-letter queues and their depth; with one,
 * its oldest messages with reason, first failure and origin.
 */
@Command(
    scope = "crm",
    name = "dlq-list",
    description = "Lists the dead-letter queues, or the messages of one of them.")
@Service
public class DlqListCommand implements Action {
  @Reference IntegrationService integration;

  @Argument(
      index = 0,
      name = "queue",
      description = "The dead-letter queue, e.g. crm.erp.facts.DLQ")
  String queue;

  @Option(name = "-n", aliases = "--limit", description = "How many messages at most (1-500)")
  int limit = 50;

  @Override
  public Object execute() {
    run(integration, ShellActors.current(), queue, limit, System.out, System.err);
    return null;
  }

  static void run(
      IntegrationService integration,
      Actor actor,
      String queue,
      int limit,
      PrintStream out,
      PrintStream err) {
    try {
      if (queue == null) {
        IntegrationOutput.queues(integration.deadLetterQueues(actor), out);
      } else {
        IntegrationOutput.deadLetters(queue, integration.deadLetters(actor, queue, limit), out);
      }
    } catch (CrmException e) {
      err.println("Error: " + e.getMessage());
    }
  }
}
