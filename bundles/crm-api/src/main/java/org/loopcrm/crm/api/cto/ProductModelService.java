package org.loopcrm.crm.api.cto;

import java.util.List;
import org.loopcrm.crm.api.AccessDeniedException;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ConflictException;
import org.loopcrm.crm.api.NotFoundException;
import org.loopcrm.crm.api.Page;
import org.loopcrm.crm.api.StaleVersionException;
import org.loopcrm.crm.api.ValidationException;

/**
 * Product models and their revisions. Only the latest revision of a code may be a draft; a draft is
 * edited in place, a released revision never changes. Every change is audited.
 */
public interface ProductModelService {

  /**
   * Creates revision 1 of a new model as a draft.
   *
   * @throws AccessDeniedException unless the actor administers product models
   * @throws ValidationException if the definition is not sound
   * @throws ConflictException if the code is taken
   */
  ProductModel create(Actor actor, ProductModelDefinition definition);

  /**
   * The latest revision of a model.
   *
   * @throws NotFoundException if there is no such model
   */
  ProductModel get(Actor actor, String code);

  /**
   * One revision of a model.
   *
   * @throws NotFoundException if there is no such revision
   */
  ProductModel get(Actor actor, String code, int revision);

  /** Every revision of a model, oldest first. */
  List<ProductModel> revisions(Actor actor, String code);

  /** The latest revision of each model, by code. */
  Page<ProductModel> list(Actor actor, int limit, String cursor);

  /**
   * Replaces the definition of the latest revision, which must be a draft. The code cannot change.
   *
   * @throws StaleVersionException if the revision changed since {@code expectedVersion}
   * @throws ConflictException unless the latest revision is a draft
   */
  ProductModel update(
      Actor actor, String code, long expectedVersion, ProductModelDefinition definition);

  /**
   * Starts a new draft revision as a copy of the latest, which must be released or retired.
   *
   * @throws ConflictException if the latest revision is a draft already
   */
  ProductModel revise(Actor actor, String code);

  /**
   * Releases the latest revision (a draft); the revision released before it retires.
   *
   * @throws ConflictException unless the latest revision is a draft
   */
  ProductModel release(Actor actor, String code, long expectedVersion);

  /**
   * Retires the latest revision, which must be released.
   *
   * @throws ConflictException unless the latest revision is released
   */
  ProductModel retire(Actor actor, String code, long expectedVersion);

  /**
   * Deletes a model that was never released and has no saved configuration.
   *
   * @throws ConflictException otherwise
   */
  void delete(Actor actor, String code, long expectedVersion);
}
