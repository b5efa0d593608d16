package org.loopcrm.crm.core.internal.jpa;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-links relationships (contact-of, subsidiary-of, partner-of) at either end. Drops links that
 * would point from the survivor to itself and exact duplicates of an active link the survivor has;
 * keeps the survivor's parent when a loser had another one, and drops a parent link that would make
 * the hierarchy a cycle.
 */
final class RelationshipMergeStep implements MergeStep {
  private static final String TABLE = "crm_party_relationship";
  private static final int MAX_DEPTH = 1000;

  @Override
  public String tables() {
    return TABLE;
  }

  @Override
  public void relink(MergeRun run) {
    MergeJournal j = run.journal();
    List<Map<String, Object>> links =
        j.rows(
            "select id, rel_type, from_party_id, to_party_id, thru_date from "
                + TABLE
                + " where from_party_id in ("
                + run.loserMarks()
                + ") or to_party_id in ("
                + run.loserMarks()
                + ") order by id",
            run.losers(),
            run.losers());
    for (Map<String, Object> r : links) {
      String id = (String) r.get("id");
      String type = (String) r.get("rel_type");
      String from = (String) r.get("from_party_id");
      String to = (String) r.get("to_party_id");
      boolean active = r.get("thru_date") == null;
      String newFrom = run.mapped(from);
      String newTo = run.mapped(to);
      Map<String, Object> key = MergeRun.key("id", id);
      String what = type.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      if (newFrom.equals(newTo)) {
        j.delete(TABLE, key);
        run.note("dropped " + what + " link " + id + " between merged parties");
        continue;
      }
      if (active && hasActive(j, type, newFrom, newTo)) {
        j.delete(TABLE, key);
        run.note("dropped " + what + " link " + id + ": the survivor has the same link");
        continue;
      }
      if (active && "SUBSIDIARY_OF".equals(type)) {
        if (!newFrom.equals(from) && parentOf(j, newFrom) != null) {
          j.delete(TABLE, key);
          run.note(
              "dropped parent link "
                  + id
                  + " of "
                  + from
                  + " to "
                  + newTo
                  + ": the survivor keeps its own parent");
          continue;
        }
        if (ancestors(j, newTo).contains(newFrom)) {
          j.delete(TABLE, key);
          run.note("dropped parent link " + id + ": it would make the hierarchy a cycle");
          continue;
        }
      }
      j.set(TABLE, key, "from_party_id", from, newFrom);
      j.set(TABLE, key, "to_party_id", to, newTo);
    }
  }

  private static boolean hasActive(MergeJournal j, String type, String from, String to) {
    return !j.rows(
            "select id from "
                + TABLE
                + " where rel_type = ? and from_party_id = ? and to_party_id = ?"
                + " and thru_date is null",
            type,
            from,
            to)
        .isEmpty();
  }

  private static String parentOf(MergeJournal j, String party) {
    List<Map<String, Object>> up =
        j.rows(
            "select to_party_id from "
                + TABLE
                + " where rel_type = 'SUBSIDIARY_OF' and from_party_id = ? and thru_date is null",
            party);
    return up.isEmpty() ? null : (String) up.get(0).get("to_party_id");
  }

  /** The party and its ancestors as the links stand now. */
  private static Set<String> ancestors(MergeJournal j, String party) {
    Set<String> seen = new HashSet<>();
    for (String p = party; p != null && seen.add(p) && seen.size() < MAX_DEPTH; ) {
      p = parentOf(j, p);
    }
    return seen;
  }
}
