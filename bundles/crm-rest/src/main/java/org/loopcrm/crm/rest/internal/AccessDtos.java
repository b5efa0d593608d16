package org.loopcrm.crm.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.access.PrincipalType;
import org.loopcrm.crm.api.access.RecordAccess;
import org.loopcrm.crm.api.access.Share;
import org.loopcrm.crm.api.access.Team;
import org.loopcrm.crm.api.access.UserProfile;

/** The JSON shapes of teams, user profiles and shares. */
final class AccessDtos {
  private AccessDtos() {}

  /** A team as it is created or replaced. */
  record TeamBody(String name, List<String> members) {}

  /** A team as the API shows it. */
  record TeamView(
      UUID id,
      String name,
      List<String> members,
      long version,
      String createdAt,
      String updatedAt) {
    static TeamView of(Team t) {
      return new TeamView(
          t.id(), t.name(), t.members(), t.version(), text(t.createdAt()), text(t.updatedAt()));
    }
  }

  /** All teams. */
  record TeamList(List<TeamView> items) {}

  /** A user's place in the organisation chart. */
  record ProfileView(String user, String manager, List<String> teams, List<String> reports) {
    static ProfileView of(UserProfile p) {
      return new ProfileView(p.user(), p.manager(), p.teams(), p.reports());
    }
  }

  /** Whom a user reports to. */
  record ManagerBody(String manager) {}

  /** A share as it is given. Enum values are read here, so a bad one is a 422, not a 400. */
  record ShareBody(String principalType, String principal, String access) {
    PrincipalType type() {
      return parse(PrincipalType.class, "principalType", principalType, List.of("USER", "TEAM"));
    }

    RecordAccess level() {
      return parse(RecordAccess.class, "access", access, List.of("READ", "WRITE"));
    }
  }

  /** A share as the API shows it. */
  record ShareView(
      UUID id,
      String principalType,
      String principal,
      String access,
      String grantedBy,
      String grantedAt) {
    static ShareView of(Share s) {
      return new ShareView(
          s.id(),
          s.principalType().name(),
          s.principal(),
          s.access().name(),
          s.grantedBy(),
          text(s.grantedAt()));
    }
  }

  /** The shares of a record. */
  record ShareList(List<ShareView> items) {}

  /** What the caller may do with a record. */
  record AccessView(String access) {}

  private static <E extends Enum<E>> E parse(
      Class<E> type, String field, String value, List<String> allowed) {
    if (value != null && allowed.contains(value.strip().toUpperCase(Locale.ROOT))) {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    }
    throw new ValidationException(
        List.of(new FieldError(field, "must be one of " + String.join(", ", allowed))));
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }
}
