package org.loopcrm.crm.core.internal.audit;

import java.util.ArrayList;
import java.util.List;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.audit.AuditQuery;
import org.loopcrm.crm.core.internal.security.Permissions;

/** Who may read which audit history, and which history queries are valid. */
public final class AuditRules {
  /** The largest page of audit entries. */
  public static final int MAX_LIMIT = 200;

  private AuditRules() {}

  /**
   * Throws unless the query is valid and the actor may read it: a record's history needs read
   * access to records, a user's history needs {@code crm-admin}.
   */
  public static void check(Actor actor, AuditQuery q) {
    Permissions.require(actor, Permissions.Resource.RECORD_HISTORY, Permissions.Action.READ);
    if (q == null) {
      throw new ValidationException(List.of(new FieldError("query", "is required")));
    }
    List<FieldError> errors = new ArrayList<>();
    boolean byRecord = q.recordType() != null || q.recordId() != null;
    boolean byUser = q.user() != null;
    if (byRecord && byUser) {
      errors.add(new FieldError("user", "cannot be combined with a record"));
    } else if (byRecord && (q.recordType() == null || q.recordType().isBlank())) {
      errors.add(new FieldError("recordType", "is required with recordId"));
    } else if (byRecord && q.recordId() == null) {
      errors.add(new FieldError("recordId", "is required with recordType"));
    } else if (!byRecord && (q.user() == null || q.user().isBlank())) {
      errors.add(new FieldError("user", "is required unless a record is given"));
    }
    if (q.limit() < 1 || q.limit() > MAX_LIMIT) {
      errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
    }
    if (q.from() != null && q.to() != null && !q.from().isBefore(q.to())) {
      errors.add(new FieldError("from", "must be before to"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    if (byUser) {
      Permissions.require(actor, Permissions.Resource.USER_HISTORY, Permissions.Action.READ);
    }
  }

  /** The scope a valid query reads, which its cursors are bound to. */
  public static String scope(AuditQuery q) {
    return q.user() != null ? "user:" + q.user() : "record:" + q.recordType() + ":" + q.recordId();
  }
}
