package org.loopcrm.crm.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.activity.Activity;
import org.loopcrm.crm.api.activity.ActivityService;

/**
 * {@code crm:task-done}: marks an open task done (at the version just read: a change by someone
 * else in between is a conflict, not overwritten).
 */
@Command(scope = "crm", name = "task-done", description = "Marks an open task done.")
@Service
public class TaskDoneCommand implements Action {
  @Reference ActivityService activities;

  @Argument(index = 0, name = "id", required = true, description = "The task's id")
  String id;

  @Override
  public Object execute() {
    Actor actor = ShellActors.current();
    Activity task = activities.get(actor, ShellIds.parse("activity", id));
    ActivityLogCommand.print(activities.complete(actor, task.id(), task.version()), System.out);
    return null;
  }
}
