package org.loopcrm.crm.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.cto.ProductModel;
import org.loopcrm.crm.api.cto.ProductModelService;

/** Completes product model codes, the first 200 by code. */
@Service
public class ModelCodeCompleter implements Completer {
  @Reference ProductModelService models;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    StringsCompleter codes = new StringsCompleter();
    try {
      for (ProductModel m : models.list(ShellActors.current(), 200, null).items()) {
        codes.getStrings().add(m.code());
      }
    } catch (AccessDeniedException e) {
      return -1;
    }
    return codes.complete(session, commandLine, candidates);
  }
}
