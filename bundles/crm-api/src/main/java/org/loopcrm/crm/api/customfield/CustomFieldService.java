package org.loopcrm.crm.api.customfield;

import java.util.List;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.ValidationException;

/**
 * Definitions of custom fields. Any CRM role reads them; only administrators change them (else
 * {@link AccessDeniedException}). A change that would make stored values invalid (another type, a
 * narrower constraint, an ENUM option in use) is refused with {@link ConflictException}; so is
 * deleting a field that has values unless the caller asks to purge them. Values themselves are set
 * through the account and contact services ({@code customFields} of the drafts).
 */
public interface CustomFieldService {

  /** The fields of one target, or of both when {@code target} is null, by target and key. */
  List<CustomField> list(Actor actor, FieldTarget target);

  /** Reads one field; {@link NotFoundException} if there is none. */
  CustomField get(Actor actor, FieldTarget target, String key);

  /**
   * Defines a field; {@link ValidationException} for a bad draft, {@link ConflictException} if the
   * key is taken.
   */
  CustomField define(Actor actor, CustomFieldDraft draft);

  /** Changes a field that is at {@code expectedVersion}. */
  CustomField update(
      Actor actor, FieldTarget target, String key, long expectedVersion, CustomFieldDraft draft);

  /**
   * Deletes a field. With values stored it is refused ({@link ConflictException}) unless {@code
   * purge} is true, which deletes the values too, audited on each record.
   *
   * @return how many values were purged
   */
  int delete(Actor actor, FieldTarget target, String key, long expectedVersion, boolean purge);
}
