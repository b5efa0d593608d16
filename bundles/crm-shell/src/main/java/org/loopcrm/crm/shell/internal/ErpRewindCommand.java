package org.loopcrm.crm.shell.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.erp.ErpFactService;
import org.loopcrm.crm.api.erp.Watermark;

/**
 * {@code crm:erp-rewind <system> <stream> <iso-time> <id>}: sets a stream's watermark, so its
 * poller reads the ERP again from there. Administrators only; audited.
 */
@Command(
    scope = "crm",
    name = "erp-rewind",
    description =
        "Sets an ERP stream's watermark (usually back); its poller reads again from there.")
@Service
public class ErpRewindCommand implements Action {
  @Reference ErpFactService facts;

  @Argument(index = 0, name = "system", required = true, description = "The ERP, e.g. tryton")
  String system;

  @Argument(index = 1, name = "stream", required = true, description = "The stream, e.g. party")
  String stream;

  @Argument(
      index = 2,
      name = "changedAt",
      required = true,
      description = "ISO-8601 instant, e.g. 2026-01-31T00:00:00Z")
  String changedAt;

  @Argument(index = 3, name = "lastId", required = true, description = "ERP id at that instant")
  long lastId;

  @Override
  public Object execute() {
    Instant at;
    try {
      at = Instant.parse(changedAt);
    } catch (DateTimeParseException e) {
      System.out.println("changedAt must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
      return null;
    }
    ErpStreamsCommand.print(
        List.of(facts.rewind(ShellActors.current(), system, stream, new Watermark(at, lastId))),
        System.out);
    return null;
  }
}
