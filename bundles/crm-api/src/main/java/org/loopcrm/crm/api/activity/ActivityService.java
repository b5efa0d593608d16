package org.loopcrm.crm.api.activity;

import java.util.List;
import java.util.UUID;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;

/**
 * Activities and tasks of accounts. Every change is audited (record type {@code activity}) and
 * emits an event ({@code activity.created}, {@code activity.updated}, {@code activity.completed},
 * {@code activity.cancelled}, {@code activity.reopened}, {@code activity.deleted}) in its
 * transaction. An activity is visible to whoever may read its account; outside that circle it does
 * not exist ({@link NotFoundException}).
 */
public interface ActivityService {

  /**
   * Records an activity.
   *
   * @throws AccessDeniedException if the role may not create activities or the account is read-only
   *     to the actor
   * @throws NotFoundException if the account is not there for the actor
   * @throws ValidationException on invalid fields
   * @throws ConflictException if the account is archived
   */
  Activity create(Actor actor, ActivityDraft draft);

  /**
   * One activity.
   *
   * @throws NotFoundException if it is not there for the actor
   */
  Activity get(Actor actor, UUID id);

  /**
   * Replaces an activity's fields.
   *
   * @throws StaleVersionException if it changed since {@code expectedVersion}
   * @throws ValidationException on invalid fields
   */
  Activity update(Actor actor, UUID id, long expectedVersion, ActivityDraft draft);

  /**
   * Marks an open task done.
   *
   * @throws ConflictException if it is no task or not open
   */
  Activity complete(Actor actor, UUID id, long expectedVersion);

  /**
   * Cancels an open task.
   *
   * @throws ConflictException if it is no task or not open
   */
  Activity cancel(Actor actor, UUID id, long expectedVersion);

  /**
   * Opens a done or cancelled task again.
   *
   * @throws ConflictException if it is no task or open already
   */
  Activity reopen(Actor actor, UUID id, long expectedVersion);

  /**
   * Deletes an activity; its audit history stays.
   *
   * @throws StaleVersionException if it changed since {@code expectedVersion}
   */
  void delete(Actor actor, UUID id, long expectedVersion);

  /**
   * A page of an account's (or one of its contacts') activities, newest first.
   *
   * @throws ValidationException if the limit is out of range or the cursor is not one this service
   *     returned for the same query
   */
  Page<Activity> list(Actor actor, ActivityQuery query);

  /**
   * Fires due reminders, for the reminder route: claims up to {@code max} open tasks whose {@code
   * remindAt} has passed and whose reminder has not fired, each exactly once even when several
   * nodes poll, and for each creates a {@link Notification} for the task's owner and a {@code
   * task.reminder} event, in one transaction per task.
   *
   * @return the notifications created
   */
  List<Notification> fireDueReminders(int max);
}
