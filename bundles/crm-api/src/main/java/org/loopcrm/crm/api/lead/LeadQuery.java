package org.loopcrm.crm.api.lead;

/**
 * Filters of the lead list, newest first.
 *
 * @param status only leads in this status, or null
 * @param owner only leads of this owner, or null
 * @param source only leads from this source, or null
 * @param text a part of the name, company or e-mail (ignoring case), or null
 * @param limit the page size, 1..200
 * @param cursor the cursor of the previous page, or null
 */
public record LeadQuery(
    LeadStatus status, String owner, String source, String text, int limit, String cursor) {}
