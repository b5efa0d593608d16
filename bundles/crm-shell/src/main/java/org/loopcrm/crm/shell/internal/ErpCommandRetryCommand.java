package org.loopcrm.crm.shell.internal;

import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.erp.ErpCommandService;

/** {@code crm:erp-command-retry <commandId>}: hands a FAILED command to the ERP connector again. */
@Command(
    scope = "crm",
    name = "erp-command-retry",
    description =
        "Hands a FAILED command to the ERP connector again (after fixing what the ERP refused).")
@Service
public class ErpCommandRetryCommand implements Action {
  @Reference ErpCommandService commands;

  @Argument(index = 0, name = "commandId", required = true, description = "The command's id")
  String commandId;

  @Override
  public Object execute() {
    ErpCommandsCommand.print(
        new Page<>(
            List.of(
                commands.retry(ShellActors.current(), ShellIds.parse("ERP command", commandId))),
            Optional.empty()),
        System.out);
    return null;
  }
}
