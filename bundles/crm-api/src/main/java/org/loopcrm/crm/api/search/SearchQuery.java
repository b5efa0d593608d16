package org.loopcrm.crm.api.search;

import java.util.Set;

/**
 * A search request.
 *
 * @param text what the user typed, 2 to 200 characters; split into words at anything that is not a
 *     letter or digit, and every word must match
 * @param kinds which kinds to search, empty or null for all
 * @param limit the number of hits, 1 to 100
 */
public record SearchQuery(String text, Set<SearchKind> kinds, int limit) {}
