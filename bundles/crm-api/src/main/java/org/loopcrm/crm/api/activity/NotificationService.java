package org.loopcrm.crm.api.activity;

import java.util.UUID;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;

/** The actor's own notifications. Nobody reads or marks another user's notifications. */
public interface NotificationService {

  /**
   * The actor's notifications, newest first.
   *
   * @param unreadOnly only those not marked read
   * @param limit 1 to 200
   * @param cursor the cursor of the previous page, or null
   * @throws ValidationException if the limit is out of range or the cursor is not one this service
   *     returned
   */
  Page<Notification> mine(Actor actor, boolean unreadOnly, int limit, String cursor);

  /**
   * Marks one of the actor's notifications read; marking it again changes nothing.
   *
   * @throws NotFoundException if the actor has no such notification
   */
  Notification markRead(Actor actor, UUID id);
}
