package org.loopcrm.crm.core.internal.party;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.party.ContactMechanismDraft;
import org.loopcrm.crm.api.party.ExternalRefDraft;
import org.loopcrm.crm.api.party.MechanismKind;
import org.loopcrm.crm.api.party.MechanismPurpose;
import org.loopcrm.crm.api.party.PartyRoleDraft;
import org.loopcrm.crm.api.party.PostalAddress;

/**
 * What valid party details are, and their normal forms: e-mail with a lower-cased domain, phone
 * numbers in E.164 (Google libphonenumber), web addresses as absolute http(s) URLs, social handles
 * without a leading {@code @}, country codes upper-case, tags and systems lower-case tokens.
 */
public final class PartyRules {
  /** The largest e-mail address SMTP carries (RFC 5321: 64 + 1 + 255, capped by the path). */
  static final int MAX_EMAIL = 254;

  static final int MAX_URL = 320;
  private static final Pattern EMAIL_LOCAL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern DOMAIN_LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9_-]{1,39}");
  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,39}");
  private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}._-]{1,100}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private PartyRules() {}

  /** The draft validated and normalised, or every field error at once. */
  public static ContactMechanismDraft valid(ContactMechanismDraft d) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    Set<MechanismPurpose> purposes = Set.of();
    if (d.purposes() != null && !d.purposes().isEmpty()) {
      if (d.purposes().stream().anyMatch(java.util.Objects::isNull)) {
        errors.add(new FieldError("purposes", "must not contain null"));
      } else {
        purposes = Set.copyOf(EnumSet.copyOf(d.purposes()));
      }
    }
    if (d.validFrom() != null && d.validThru() != null && d.validThru().isBefore(d.validFrom())) {
      errors.add(new FieldError("validThru", "is before validFrom"));
    }
    if (d.kind() == null) {
      errors.add(new FieldError("kind", "is required"));
      throw new ValidationException(errors);
    }
    String value = null;
    String network = null;
    PostalAddress address = null;
    if (d.kind() != MechanismKind.SOCIAL && blank(d.network()) != null) {
      errors.add(new FieldError("network", "is only for SOCIAL"));
    }
    if (d.kind() != MechanismKind.POSTAL && d.address() != null) {
      errors.add(new FieldError("address", "is only for POSTAL"));
    }
    if (d.kind() != MechanismKind.PHONE && blank(d.phoneRegion()) != null) {
      errors.add(new FieldError("phoneRegion", "is only for PHONE"));
    }
    switch (d.kind()) {
      case EMAIL -> value = email(d.value(), errors);
      case PHONE -> value = phone(d.value(), d.phoneRegion(), errors);
      case WEB -> value = url(d.value(), errors);
      case SOCIAL -> {
        network = blank(d.network());
        if (network == null) {
          errors.add(new FieldError("network", "is required for SOCIAL"));
        } else {
          network = network.toLowerCase(Locale.ROOT);
          if (!TOKEN.matcher(network).matches()) {
            errors.add(new FieldError("network", "must be a lower-case token such as linkedin"));
          }
        }
        value = blank(d.value());
        if (value != null && value.startsWith("@")) {
          value = value.substring(1);
        }
        if (value == null) {
          errors.add(new FieldError("value", "is required"));
        } else if (!HANDLE.matcher(value).matches()) {
          errors.add(
              new FieldError(
                  "value", "must be a handle of letters, digits, '.', '_' and '-' (1-100)"));
        }
      }
      case POSTAL -> {
        if (blank(d.value()) != null) {
          errors.add(new FieldError("value", "is not used for POSTAL: send address"));
        }
        address = address(d.address(), errors);
      }
      default -> throw new IllegalStateException("unknown kind " + d.kind());
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new ContactMechanismDraft(
        d.kind(), value, network, null, address, purposes, d.validFrom(), d.validThru());
  }

  /** An e-mail address with the domain lower-cased (the local part is the receiver's business). */
  static String email(String raw, List<FieldError> errors) {
    String v = blank(raw);
    if (v == null) {
      errors.add(new FieldError("value", "is required"));
      return null;
    }
    int at = v.lastIndexOf('@');
    if (v.length() > MAX_EMAIL || at < 1 || at == v.length() - 1) {
      errors.add(new FieldError("value", "is not an e-mail address"));
      return null;
    }
    String local = v.substring(0, at);
    String domain = v.substring(at + 1).toLowerCase(Locale.ROOT);
    if (local.length() > 64 || !EMAIL_LOCAL.matcher(local).matches() || !validDomain(domain)) {
      errors.add(new FieldError("value", "is not an e-mail address"));
      return null;
    }
    return local + "@" + domain;
  }

  private static boolean validDomain(String domain) {
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2 || domain.length() > 253) {
      return false;
    }
    for (String label : labels) {
      if (!DOMAIN_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
  }

  /**
   * A phone number in E.164. Numbers with {@code +} or {@code 00} are international; others need
   * the region they are dialled in.
   */
  static String phone(String raw, String region, List<FieldError> errors) {
    String v = blank(raw);
    if (v == null) {
      errors.add(new FieldError("value", "is required"));
      return null;
    }
    String r = blank(region);
    if (r != null) {
      r = r.toUpperCase(Locale.ROOT);
      if (!COUNTRY.matcher(r).matches() || !COUNTRIES.contains(r)) {
        errors.add(new FieldError("phoneRegion", "must be an ISO 3166-1 alpha-2 country code"));
        return null;
      }
    }
    if (v.startsWith("00")) {
      v = "+" + v.substring(2);
    }
    if (!v.startsWith("+") && r == null) {
      errors.add(
          new FieldError("value", "must start with + and the country code, or give phoneRegion"));
      return null;
    }
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    try {
      PhoneNumber n = util.parse(v, r == null ? "ZZ" : r);
      if (!util.isValidNumber(n)) {
        errors.add(new FieldError("value", "is not a valid phone number"));
        return null;
      }
      return util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      errors.add(new FieldError("value", "is not a phone number"));
      return null;
    }
  }

  /** An absolute http or https URL with a host; the scheme and host are lower-cased. */
  static String url(String raw, List<FieldError> errors) {
    String v = blank(raw);
    if (v == null) {
      errors.add(new FieldError("value", "is required"));
      return null;
    }
    try {
      URI u = new URI(v);
      String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
      if (v.length() > MAX_URL
          || !("http".equals(scheme) || "https".equals(scheme))
          || u.getHost() == null
          || u.getRawUserInfo() != null) {
        errors.add(new FieldError("value", "must be an http or https URL with a host"));
        return null;
      }
      return new URI(
              scheme,
              null,
              u.getHost().toLowerCase(Locale.ROOT),
              u.getPort(),
              u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath(),
              u.getQuery(),
              u.getFragment())
          .toASCIIString();
    } catch (URISyntaxException e) {
      errors.add(new FieldError("value", "must be an http or https URL with a host"));
      return null;
    }
  }

  static PostalAddress address(PostalAddress a, List<FieldError> errors) {
    if (a == null) {
      errors.add(new FieldError("address", "is required for POSTAL"));
      return null;
    }
    String street = text(a.street(), "address.street", 200, true, errors);
    String city = text(a.city(), "address.city", 100, true, errors);
    String postalCode = text(a.postalCode(), "address.postalCode", 20, false, errors);
    String region = text(a.region(), "address.region", 100, false, errors);
    String country = blank(a.country());
    if (country == null) {
      errors.add(new FieldError("address.country", "is required"));
    } else {
      country = country.toUpperCase(Locale.ROOT);
      if (!COUNTRY.matcher(country).matches() || !COUNTRIES.contains(country)) {
        errors.add(new FieldError("address.country", "must be an ISO 3166-1 alpha-2 country code"));
      }
    }
    return new PostalAddress(street, city, postalCode, region, country);
  }

  private static String text(
      String raw, String field, int max, boolean required, List<FieldError> errors) {
    String v = blank(raw);
    if (v == null) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return null;
    }
    if (v.length() > max) {
      errors.add(new FieldError(field, "is longer than " + max + " characters"));
    }
    return v;
  }

  /** A role draft with today as the default from date. */
  public static PartyRoleDraft valid(PartyRoleDraft d, LocalDate today) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    if (d.role() == null) {
      errors.add(new FieldError("role", "is required"));
    }
    LocalDate from = d.fromDate() == null ? today : d.fromDate();
    if (d.thruDate() != null && d.thruDate().isBefore(from)) {
      errors.add(new FieldError("thruDate", "is before fromDate"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new PartyRoleDraft(d.role(), from, d.thruDate());
  }

  /** An external reference: system lower-cased, id trimmed. */
  public static ExternalRefDraft valid(ExternalRefDraft d) {
    if (d == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    String system = system(d.system(), errors);
    String id = externalId(d.externalId(), errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new ExternalRefDraft(system, id);
  }

  /** A system token, lower-cased; adds an error if it is not one. */
  public static String system(String raw, List<FieldError> errors) {
    String v = blank(raw);
    if (v == null) {
      errors.add(new FieldError("system", "is required"));
      return null;
    }
    v = v.toLowerCase(Locale.ROOT);
    if (!TOKEN.matcher(v).matches()) {
      errors.add(
          new FieldError(
              "system", "must be a token of 2-40 letters, digits, '-' and '_', such as tryton"));
    }
    return v;
  }

  /** An external id, trimmed; adds an error if it is not one. */
  public static String externalId(String raw, List<FieldError> errors) {
    String v = blank(raw);
    if (v == null) {
      errors.add(new FieldError("externalId", "is required"));
      return null;
    }
    if (v.length() > 100 || CONTROL.matcher(v).find()) {
      errors.add(
          new FieldError("externalId", "must be 1-100 characters without control characters"));
    }
    return v;
  }

  /** A tag, lower-cased: a letter or digit, then up to 39 letters, digits, '.', '_' or '-'. */
  public static String tag(String raw) {
    String v = blank(raw);
    if (v == null) {
      throw new ValidationException(List.of(new FieldError("tag", "is required")));
    }
    v = v.toLowerCase(Locale.ROOT);
    if (!TAG.matcher(v).matches()) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  "tag",
                  "must be 1-40 letters, digits, '.', '_' or '-', starting with a letter"
                      + " or digit")));
    }
    return v;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
