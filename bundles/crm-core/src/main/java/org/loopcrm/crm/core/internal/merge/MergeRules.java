package org.loopcrm.crm.core.internal.merge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.merge.MergeParty;
import org.loopcrm.crm.api.merge.MergeRequest;
import org.loopcrm.crm.api.merge.PartyKind;

/** What a merge request must look like, and the fields a merge chooses values for. */
public final class MergeRules {
  /** The most parties merged into one survivor at once. */
  public static final int MAX_LOSERS = 10;

  /** The fields of an account a merge chooses, as the API names them. */
  public static final List<String> ACCOUNT_FIELDS =
      List.of("name", "erpRef", "taxId", "owner", "stage");

  /** The fields of a contact a merge chooses, as the API names them. */
  public static final List<String> CONTACT_FIELDS =
      List.of("firstName", "lastName", "email", "phone");

  private MergeRules() {}

  /** The fields of a kind of party. */
  public static List<String> fields(PartyKind kind) {
    return kind == PartyKind.ACCOUNT ? ACCOUNT_FIELDS : CONTACT_FIELDS;
  }

  /** The request if it is well-formed; a validation error per problem otherwise. */
  public static MergeRequest valid(MergeRequest r) {
    List<FieldError> errors = new ArrayList<>();
    if (r == null) {
      throw new ValidationException(List.of(new FieldError("body", "is required")));
    }
    if (r.kind() == null) {
      errors.add(new FieldError("kind", "is required: ACCOUNT or CONTACT"));
    }
    MergeParty s = r.survivor();
    if (s == null || s.id() == null) {
      errors.add(new FieldError("survivor.id", "is required"));
    }
    if (r.losers().isEmpty()) {
      errors.add(new FieldError("losers", "name at least one party to merge into the survivor"));
    } else if (r.losers().size() > MAX_LOSERS) {
      errors.add(new FieldError("losers", "at most " + MAX_LOSERS + " parties merge at once"));
    }
    Set<UUID> ids = new HashSet<>();
    if (s != null && s.id() != null) {
      ids.add(s.id());
    }
    for (int i = 0; i < r.losers().size(); i++) {
      MergeParty l = r.losers().get(i);
      if (l == null || l.id() == null) {
        errors.add(new FieldError("losers[" + i + "].id", "is required"));
      } else if (s != null && l.id().equals(s.id())) {
        errors.add(
            new FieldError(
                "losers[" + i + "].id", "is the survivor: a party cannot be merged with itself"));
      } else if (!ids.add(l.id())) {
        errors.add(new FieldError("losers[" + i + "].id", "is named twice"));
      }
    }
    if (r.kind() != null) {
      List<String> fields = fields(r.kind());
      for (Map.Entry<String, UUID> e : r.fieldSources().entrySet()) {
        if (!fields.contains(e.getKey())) {
          errors.add(
              new FieldError(
                  "fieldSources." + e.getKey(),
                  "is not a field a merge chooses; choose among " + fields));
        } else if (e.getValue() == null || !ids.contains(e.getValue())) {
          errors.add(
              new FieldError(
                  "fieldSources." + e.getKey(), "must name the survivor or one of the losers"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return r;
  }
}
