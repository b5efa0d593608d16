package org.loopcrm.crm.core.internal.dedupe;

import java.util.Locale;
import java.util.Optional;

/** A match rule: four exact keys and one fuzzy comparison. */
public enum Rule {
  /** Same e-mail address after normalisation (trimmed, lower case). */
  EMAIL("email"),
  /** Same phone number in E.164. */
  PHONE("phone"),
  /** Same VAT or tax id (upper case, letters and digits). */
  TAX_ID("taxId"),
  /** Same ERP reference. */
  ERP_REF("erpRef"),
  /** Jaro-Winkler similar normalised name in the same locality. */
  NAME("name");

  private final String token;

  Rule(String token) {
    this.token = token;
  }

  /** The rule's name in configuration and in the API. */
  public String token() {
    return token;
  }

  /** Whether the rule compares exact keys. */
  public boolean exact() {
    return this != NAME;
  }

  /** The rule with this token, case-insensitive. */
  public static Optional<Rule> of(String token) {
    String t = token == null ? "" : token.strip().toLowerCase(Locale.ROOT);
    for (Rule r : values()) {
      if (r.token.toLowerCase(Locale.ROOT).equals(t)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
