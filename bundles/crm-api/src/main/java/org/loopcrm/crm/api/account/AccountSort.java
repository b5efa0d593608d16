package org.loopcrm.crm.api.account;

import java.util.Optional;

/** The orders an account listing supports; ties are broken by id so paging is stable. */
public enum AccountSort {
  /** By name, A to Z. */
  NAME_ASC("name"),
  /** By name, Z to A. */
  NAME_DESC("-name"),
  /** Oldest first. */
  CREATED_ASC("createdAt"),
  /** Newest first. */
  CREATED_DESC("-createdAt");

  private final String token;

  AccountSort(String token) {
    this.token = token;
  }

  /** The token used in {@code ?sort=}, e.g. {@code -createdAt}. */
  public String token() {
    return token;
  }

  /** The sort a {@code ?sort=} token names. */
  public static Optional<AccountSort> fromToken(String token) {
    for (AccountSort s : values()) {
      if (s.token.equals(token)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
