package org.loopcrm.crm.core.internal.jpa;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Re-links contact mechanisms. A loser's mechanism equal to one of the survivor's (same kind and
 * value, or the same postal address) is dropped, and consent decisions given for it name the
 * survivor's instead; a loser's primary mechanism of a kind the survivor has a primary of loses the
 * PRIMARY purpose (one primary per kind and party). Losers are taken in request order, their
 * mechanisms oldest first, so the outcome is the same every time.
 */
final class MechanismMergeStep implements MergeStep {
  private static final String TABLE = "crm_contact_mechanism";
  private static final List<String> SAME =
      List.of(
          "kind", "mech_value", "network", "street", "city", "postal_code", "region", "country");

  @Override
  public String tables() {
    return TABLE + ", crm_consent_decision.mechanism_id";
  }

  @Override
  public void relink(MergeRun run) {
    MergeJournal j = run.journal();
    for (String loser : run.losers()) {
      for (Map<String, Object> m :
          j.rows("select * from " + TABLE + " where party_id = ? order by created_at, id", loser)) {
        String id = (String) m.get("id");
        Map<String, Object> key = MergeRun.key("id", id);
        String kind = (String) m.get("kind");
        String twin = twin(j, run.survivor(), m);
        if (twin != null) {
          for (Map<String, Object> d :
              j.rows(
                  "select decision_id from crm_consent_decision where mechanism_id = ?"
                      + " order by seq",
                  id)) {
            j.set(
                "crm_consent_decision",
                MergeRun.key("decision_id", d.get("decision_id")),
                "mechanism_id",
                id,
                twin);
          }
          j.delete(TABLE, key);
          run.note(
              "dropped "
                  + kind.toLowerCase(java.util.Locale.ROOT)
                  + " mechanism "
                  + id
                  + " of "
                  + loser
                  + ": the survivor has the same one ("
                  + twin
                  + ")");
          continue;
        }
        if (m.get("primary_kind") != null
            && !j.rows(
                    "select id from " + TABLE + " where party_id = ? and primary_kind = ?",
                    run.survivor(),
                    m.get("primary_kind"))
                .isEmpty()) {
          String purposes = (String) m.get("purposes");
          String demoted =
              Arrays.stream(purposes.split(","))
                  .filter(p -> !p.isEmpty() && !p.equals("PRIMARY"))
                  .collect(Collectors.joining(","));
          j.set(TABLE, key, "primary_kind", m.get("primary_kind"), null);
          j.set(TABLE, key, "purposes", purposes, demoted);
          run.note(
              "demoted "
                  + kind.toLowerCase(java.util.Locale.ROOT)
                  + " mechanism "
                  + id
                  + " of "
                  + loser
                  + " from primary: the survivor has a primary one");
        }
        j.set(TABLE, key, "party_id", loser, run.survivor());
      }
    }
  }

  /** The survivor's mechanism equal to {@code m}, or null. */
  private static String twin(MergeJournal j, String survivor, Map<String, Object> m) {
    for (Map<String, Object> s :
        j.rows(
            "select * from " + TABLE + " where party_id = ? and kind = ? order by created_at, id",
            survivor,
            m.get("kind"))) {
      boolean same = true;
      for (String col : SAME) {
        same &= Objects.equals(s.get(col), m.get(col));
      }
      if (same) {
        return (String) s.get("id");
      }
    }
    return null;
  }
}
