package org.loopcrm.crm.core.internal.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.webhook.WebhookSubscriptionDraft;

/** Who may manage webhooks, what a valid subscription is, which events it takes, and back-off. */
public final class WebhookRules {
  /** The pause after each failed attempt; when attempt {@code size() + 1} fails it is dead. */
  public static final List<Duration> BACKOFF =
      List.of(
          Duration.ofSeconds(10),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2));

  /** Attempts a delivery gets before it is dead. */
  public static final int MAX_ATTEMPTS = BACKOFF.size() + 1;

  static final int MAX_URL = 2000;
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 200;
  static final int MAX_PATTERNS = 20;

  /**
   * {@code *}, an exact type {@code account.created} (segments may hold hyphens, as in {@code
   * account.receivables-changed}), or a prefix {@code account.*}.
   */
  private static final Pattern EVENT_PATTERN =
      Pattern.compile("\\*|[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*(\\.\\*)?");

  private WebhookRules() {}

  /** Webhooks are administration: only {@code crm-admin} manages them or reads deliveries. */
  public static void requireAdmin(Actor actor) {
    if (!actor.has(Role.CRM_ADMIN)) {
      throw new AccessDeniedException("only crm-admin may manage webhooks");
    }
  }

  /** The draft with its URL and patterns trimmed, or every field error at once. */
  public static WebhookSubscriptionDraft valid(WebhookSubscriptionDraft d) {
    List<FieldError> errors = new ArrayList<>();
    String url = d.url() == null ? null : d.url().strip();
    urlError(url).ifPresent(m -> errors.add(new FieldError("url", m)));
    List<String> types = new ArrayList<>();
    if (d.eventTypes() == null || d.eventTypes().isEmpty()) {
      errors.add(new FieldError("eventTypes", "must name at least one event type"));
    } else if (d.eventTypes().size() > MAX_PATTERNS) {
      errors.add(new FieldError("eventTypes", "must name at most " + MAX_PATTERNS + " types"));
    } else {
      for (String t : d.eventTypes()) {
        String p = t == null ? "" : t.strip();
        if (!EVENT_PATTERN.matcher(p).matches()) {
          errors.add(
              new FieldError(
                  "eventTypes", "'" + p + "' is not an event type, a prefix like account.* or *"));
        } else if (!types.contains(p)) {
          types.add(p);
        }
      }
    }
    if (d.secret() == null || d.secret().length() < MIN_SECRET) {
      errors.add(new FieldError("secret", "must have at least " + MIN_SECRET + " characters"));
    } else if (d.secret().length() > MAX_SECRET) {
      errors.add(new FieldError("secret", "must have at most " + MAX_SECRET + " characters"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new WebhookSubscriptionDraft(url, types, d.secret(), d.active());
  }

  private static Optional<String> urlError(String url) {
    if (url == null || url.isEmpty()) {
      return Optional.of("must not be blank");
    }
    if (url.length() > MAX_URL) {
      return Optional.of("must have at most " + MAX_URL + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("must be an http or https URL");
    }
    if (uri.getRawUserInfo() != null
        || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
      return Optional.of("must not contain user info; authenticate with the signature");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of("must name a host");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not have a fragment");
    }
    return Optional.empty();
  }

  /** Whether an event of {@code type} matches one of the patterns. */
  public static boolean matches(List<String> patterns, String type) {
    for (String p : patterns) {
      if (p.equals("*") || p.equals(type)) {
        return true;
      }
      if (p.endsWith(".*") && type.startsWith(p.substring(0, p.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /** The patterns as stored: comma separated (no pattern contains a comma). */
  public static String join(List<String> patterns) {
    return String.join(",", patterns);
  }

  /** The stored patterns as a list. */
  public static List<String> split(String stored) {
    return List.of(stored.split(","));
  }

  /** The pause before the next attempt after attempt {@code attempts} failed; empty if dead. */
  public static Optional<Duration> retryAfter(int attempts) {
    return attempts >= 1 && attempts <= BACKOFF.size()
        ? Optional.of(BACKOFF.get(attempts - 1))
        : Optional.empty();
  }
}
