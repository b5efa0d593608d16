package org.loopcrm.crm.bench;

import java.util.Locale;

/** The request kinds the driver measures; each runs alone in its own measured phase. */
public enum Scenario {
  /** POST an account; expects 201 and a Location header. */
  CREATE,
  /** GET an account created during warm-up, by its Location; expects 200. */
  READ,
  /** GET the trivial endpoint that never touches the database; expects 200. */
  PING;

  /** The name used on the command line and in the report. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a command-line name such as {@code read}. */
  public static Scenario fromLabel(String label) {
    for (Scenario s : values()) {
      if (s.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario '" + label + "' (expected create, read or ping)");
  }
}
