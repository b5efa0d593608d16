package org.loopcrm.crm.core.internal.erp;

import java.util.Locale;
import org.loopcrm.crm.api.erp.DocumentKind;

/** How ERP documents appear on the timeline. */
public final class ErpRules {
  /** The longest {@code <what>} part a timeline kind filter accepts. */
  private static final int MAX_WHAT = 40;

  private ErpRules() {}

  /** The kind's timeline group, e.g. {@code sale}: filtering by it keeps every state. */
  public static String group(DocumentKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The timeline kind of a document change, {@code <kind>.<state>}, e.g. {@code sale.confirmed}.
   * The state is the ERP's own word, so it is made a token the timeline's kind filter accepts
   * (lower-case letters, {@code _} and {@code -}, starting with a letter, at most 40 characters); a
   * state with no letter at all becomes {@code changed}.
   */
  public static String timelineKind(DocumentKind kind, String state) {
    StringBuilder what = new StringBuilder();
    for (char c : state.strip().toLowerCase(Locale.ROOT).toCharArray()) {
      if (what.length() == MAX_WHAT) {
        break;
      }
      boolean letter = c >= 'a' && c <= 'z';
      if (what.isEmpty() && !letter) {
        continue;
      }
      what.append(letter || c == '-' || c == '_' ? c : '_');
    }
    return group(kind) + '.' + (what.isEmpty() ? "changed" : what);
  }
}
