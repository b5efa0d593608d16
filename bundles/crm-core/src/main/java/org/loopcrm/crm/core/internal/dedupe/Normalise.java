package org.loopcrm.crm.core.internal.dedupe;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The normal forms records are compared in. Each method returns null for nothing to compare. */
public final class Normalise {
  private static final Pattern TAX_NOISE = Pattern.compile("[^\\p{Alnum}]");

  /** Legal-form words that say nothing about which organization it is. */
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "ag",
          "bv",
          "co",
          "corp",
          "corporation",
          "gmbh",
          "inc",
          "kg",
          "limited",
          "llc",
          "ltd",
          "nv",
          "oy",
          "plc",
          "sa",
          "sarl",
          "sas",
          "se",
          "spa",
          "srl",
          "ab",
          "as",
          "kft",
          "sro");

  private Normalise() {}

  /** Trimmed and lower-cased, without a {@code mailto:} prefix; null if there is no {@code @}. */
  public static String email(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    String e = b.toString().toLowerCase(Locale.ROOT);
    if (e.startsWith("mailto:")) {
      e = e.substring("mailto:".length());
    }
    int at = e.indexOf('@');
    return at <= 0 || at == e.length() - 1 ? null : e;
  }

  /**
   * A phone number in E.164. International numbers ({@code +} or {@code 00}) need no region;
   * national ones are read in {@code region}, or dropped when there is none.
   */
  public static String phone(String raw, String region) {
    if (raw == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      } else if (c == '+' && b.length() == 0) {
        b.append(c);
      }
    }
    String v = b.toString();
    if (v.startsWith("00")) {
      v = "+" + v.substring(2);
    }
    // v holds only digits after an optional leading +.
    if (v.length() >= 8 && v.length() <= 16 && v.charAt(0) == '+' && v.charAt(1) != '0') {
      // Already international digits: parsing would only confirm it.
      return v;
    }
    if (region == null || v.isEmpty()) {
      return null;
    }
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      PhoneNumber n = util.parse(v, region);
      return util.isPossibleNumber(n)
          ? util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164)
          : null;
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** A tax id: upper case letters and digits only. */
  public static String taxId(String raw) {
    if (raw == null) {
      return null;
    }
    String t = TAX_NOISE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    return t.isEmpty() ? null : t;
  }

  /** An ERP reference: trimmed, lower case. */
  public static String erpRef(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Words of a name: accents removed, lower case, punctuation as spaces, single spaces; an
   * organization's legal form ("GmbH", "Ltd.") dropped.
   */
  public static String name(String raw, RecordKind kind) {
    String n = words(raw);
    if (n == null || kind != RecordKind.ACCOUNT) {
      return n;
    }
    String[] parts = n.split(" ");
    StringBuilder b = new StringBuilder(n.length());
    for (String p : parts) {
      if (!LEGAL_FORMS.contains(p)) {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(p);
      }
    }
    return b.length() == 0 ? n : b.toString();
  }

  /** A locality (city) in the same form as names. */
  public static String locality(String raw) {
    return words(raw);
  }

  /** The words of a normalised name in alphabetical order: "smith john" and "john smith" agree. */
  public static String sortedWords(String normalName) {
    if (normalName == null) {
      return null;
    }
    String[] parts = normalName.split(" ");
    Arrays.sort(parts);
    return String.join(" ", parts);
  }

  private static String words(String raw) {
    if (raw == null) {
      return null;
    }
    // One pass over the characters (the scan normalises a million names): decomposition only for
    // non-ASCII text, then combining marks dropped, letters and digits kept in lower case, any run
    // of other characters as one space.
    String n = raw;
    for (int i = 0; i < n.length(); i++) {
      if (n.charAt(i) > 127) {
        n = Normalizer.normalize(n, Normalizer.Form.NFD);
        break;
      }
    }
    StringBuilder b = new StringBuilder(n.length());
    boolean gap = false;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (gap && b.length() > 0) {
          b.append(' ');
        }
        gap = false;
        b.append(Character.toLowerCase(c));
      } else if (Character.getType(c) != Character.NON_SPACING_MARK
          && Character.getType(c) != Character.COMBINING_SPACING_MARK
          && Character.getType(c) != Character.ENCLOSING_MARK) {
        gap = true;
      }
    }
    return b.length() == 0 ? null : b.toString();
  }
}
