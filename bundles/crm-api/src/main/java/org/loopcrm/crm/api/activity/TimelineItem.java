package org.loopcrm.crm.api.activity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One dated fact on an account's or contact's timeline. New sources (ERP orders, payments,
 * production, projects…) add kinds, not fields: a kind is a string {@code <group>.<what>}, e.g.
 * {@code activity.call}, {@code account.updated}, {@code contact.created}, {@code consent.granted};
 * the source record is named by type and id; details go into {@code attributes}.
 *
 * @param kind what happened, {@code <group>.<what>} in lower case
 * @param at when
 * @param title a short human-readable line
 * @param summary more text, or null
 * @param source where the fact comes from: {@code activity}, {@code audit}, {@code consent}
 * @param recordType the type of the record the fact is about, e.g. {@code activity}, {@code
 *     account}, {@code contact}
 * @param recordId that record's id
 * @param user who did it, or null
 * @param attributes small kind-specific details (strings), e.g. an activity's direction or a task's
 *     status
 */
public record TimelineItem(
    String kind,
    Instant at,
    String title,
    String summary,
    String source,
    String recordType,
    UUID recordId,
    String user,
    Map<String, String> attributes) {

  /** Copies the attributes. */
  public TimelineItem {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
