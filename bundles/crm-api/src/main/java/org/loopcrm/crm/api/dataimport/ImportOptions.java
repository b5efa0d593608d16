package org.loopcrm.crm.api.dataimport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a file is imported.
 *
 * @param entity what the rows are
 * @param mapping file column (header text) → field; columns not named here are mapped by their
 *     header when it names a field (case, spaces, dashes and underscores ignored), others ignored;
 *     a column mapped to {@code -} is ignored
 * @param matchKey how a row finds the record it updates
 * @param mode whether a matching row updates or is rejected
 * @param dryRun validate and report what would happen, write nothing but the report
 */
public record ImportOptions(
    ImportEntity entity,
    Map<String, String> mapping,
    MatchKey matchKey,
    ImportMode mode,
    boolean dryRun) {

  /** Applies the defaults: accounts, no explicit mapping, no match key, upsert. */
  public ImportOptions {
    entity = entity == null ? ImportEntity.ACCOUNT : entity;
    mapping =
        mapping == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    matchKey = matchKey == null ? MatchKey.NONE : matchKey;
    mode = mode == null ? ImportMode.UPSERT : mode;
  }
}
