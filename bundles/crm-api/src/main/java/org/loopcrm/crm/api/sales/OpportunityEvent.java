package org.loopcrm.crm.api.sales;

import java.time.Instant;

/**
 * One entry of an opportunity's timeline: the closed loop from stage to quote to the ERP's
 * documents.
 *
 * @param at when it happened
 * @param kind {@code stage}, {@code quote}, {@code erp-command} or {@code erp-document}
 * @param title what happened, e.g. "SALE SO-0012 confirmed"
 * @param detail more, or null
 * @param by who did it (a user, or the ERP's name), or null
 * @param ref the record it is about (a quote id, command id, or the ERP document's kind:ref)
 */
public record OpportunityEvent(
    Instant at, String kind, String title, String detail, String by, String ref) {}
