package org.loopcrm.crm.core.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;

/**
 * What a search means, the same on every database (decisions.md §17). A query is split into words
 * at anything that is not a letter or digit and lower-cased. A name (account, contact) matches when
 * every word is the prefix of one of its words; a contact mechanism matches when every word occurs
 * in its text. The databases only preselect candidates (PostgreSQL with full-text and trigram
 * indexes, H2 by scanning); this class decides and scores, so both give the same hits in the same
 * order.
 */
public final class SearchRules {
  /** The most words a query may have; more are a validation error, not silently dropped. */
  public static final int MAX_WORDS = 8;

  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private SearchRules() {}

  /** The distinct lower-case words of a query, or a validation error naming {@code q}. */
  public static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("must not be blank");
    }
    if (text.length() > 200) {
      throw invalid("must be at most 200 characters");
    }
    LinkedHashSet<String> out = new LinkedHashSet<>(tokens(text));
    if (out.isEmpty()) {
      throw invalid("needs at least one letter or digit");
    }
    if (out.size() > MAX_WORDS) {
      throw invalid("must have at most " + MAX_WORDS + " words");
    }
    return List.copyOf(out);
  }

  /** The lower-case words of a text. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String t : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The score of a name for the words: per word 1 when it equals a word of the name, 0.75 when it
   * is a prefix of one, averaged; 0 when some word matches nothing.
   */
  public static double nameScore(String name, List<String> words) {
    List<String> tokens = tokens(name);
    double sum = 0;
    for (String w : words) {
      double best = 0;
      for (String t : tokens) {
        if (t.equals(w)) {
          best = 1;
          break;
        }
        if (t.startsWith(w)) {
          best = 0.75;
        }
      }
      if (best == 0) {
        return 0;
      }
      sum += best;
    }
    return round(sum / words.size());
  }

  /**
   * The score of a contact mechanism's text: per word 1 when it equals a word of the text, 0.75
   * when it is a prefix of one, 0.5 when it occurs inside the text, averaged; 0 when some word is
   * not in it.
   */
  public static double textScore(String text, List<String> words) {
    String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    List<String> tokens = tokens(text);
    double sum = 0;
    for (String w : words) {
      if (!lower.contains(w)) {
        return 0;
      }
      double best = 0.5;
      for (String t : tokens) {
        if (t.equals(w)) {
          best = 1;
          break;
        }
        if (t.startsWith(w)) {
          best = 0.75;
        }
      }
      sum += best;
    }
    return round(sum / words.size());
  }

  /** A PostgreSQL tsquery for word-prefix matching of every word, e.g. {@code acme:* & gm:*}. */
  public static String prefixTsQuery(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      if (b.length() > 0) {
        b.append(" & ");
      }
      b.append(w).append(":*");
    }
    return b.toString();
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }

  private static ValidationException invalid(String message) {
    return new ValidationException(List.of(new FieldError("q", message)));
  }
}
