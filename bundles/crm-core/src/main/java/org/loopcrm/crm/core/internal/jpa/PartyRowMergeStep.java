package org.loopcrm.crm.core.internal.jpa;

import java.util.List;
import java.util.Map;

/**
 * Re-links the rows of a table that point at a party through one column, dropping a loser's row
 * when the survivor has an equal one: the shape of party roles, tags, external references, consent
 * decisions, record shares, activities and their participants. A new table of that shape is one
 * more instance in {@link JpaMergeService#STEPS}.
 */
final class PartyRowMergeStep implements MergeStep {
  private final String table;
  private final List<String> keyColumns;
  private final String partyColumn;
  private final String filter;
  private final List<String> sameColumns;
  private final String what;

  /**
   * @param table the table
   * @param keyColumns its primary key columns
   * @param partyColumn the column holding the party id
   * @param filter an extra SQL condition on the rows, or null
   * @param sameColumns the columns that make a loser's row equal to one of the survivor's (then it
   *     is dropped); empty to move every row
   * @param what what a row is, for the notes
   */
  PartyRowMergeStep(
      String table,
      List<String> keyColumns,
      String partyColumn,
      String filter,
      List<String> sameColumns,
      String what) {
    this.table = table;
    this.keyColumns = List.copyOf(keyColumns);
    this.partyColumn = partyColumn;
    this.filter = filter;
    this.sameColumns = List.copyOf(sameColumns);
    this.what = what;
  }

  @Override
  public String tables() {
    return table + "." + partyColumn;
  }

  @Override
  public void relink(MergeRun run) {
    MergeJournal j = run.journal();
    String extra = filter == null ? "" : " and " + filter;
    String order = String.join(", ", keyColumns);
    for (String loser : run.losers()) {
      for (Map<String, Object> r :
          j.rows(
              "select * from "
                  + table
                  + " where "
                  + partyColumn
                  + " = ?"
                  + extra
                  + " order by "
                  + order,
              loser)) {
        Map<String, Object> key = new java.util.LinkedHashMap<>();
        for (String k : keyColumns) {
          key.put(k, r.get(k));
        }
        if (!sameColumns.isEmpty() && hasEqual(j, run.survivor(), r, extra)) {
          j.delete(table, key);
          run.note(
              "dropped "
                  + what
                  + " "
                  + key.values()
                  + " of "
                  + loser
                  + ": the survivor has the same one");
          continue;
        }
        j.set(table, key, partyColumn, loser, run.survivor());
      }
    }
  }

  private boolean hasEqual(MergeJournal j, String survivor, Map<String, Object> r, String extra) {
    StringBuilder sql =
        new StringBuilder("select 1 from ")
            .append(table)
            .append(" where ")
            .append(partyColumn)
            .append(" = ?")
            .append(extra);
    List<Object> params = new java.util.ArrayList<>();
    params.add(survivor);
    for (String c : sameColumns) {
      Object v = r.get(c);
      if (v == null) {
        sql.append(" and ").append(c).append(" is null");
      } else {
        sql.append(" and ").append(c).append(" = ?");
        params.add(v);
      }
    }
    return !j.rows(sql.toString(), params).isEmpty();
  }
}
