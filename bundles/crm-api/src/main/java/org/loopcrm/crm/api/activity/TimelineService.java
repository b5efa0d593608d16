package org.loopcrm.crm.api.activity;

import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.ValidationException;

/**
 * The 360° timeline of an account or a contact: its activities, the audit history of the account
 * and its contacts, and consent decisions, merged newest first. Paging is exact across sources: the
 * cursor holds the position (time, source, sequence) of the last item, so no item is skipped or
 * repeated between pages.
 */
public interface TimelineService {

  /**
   * One page of the timeline, newest first.
   *
   * @throws NotFoundException if the account (or the contact of it) is not there for the actor
   * @throws ValidationException if the limit is out of range, a kind is not well-formed, or the
   *     cursor is not one this service returned for the same query
   */
  Page<TimelineItem> timeline(Actor actor, TimelineQuery query);
}
