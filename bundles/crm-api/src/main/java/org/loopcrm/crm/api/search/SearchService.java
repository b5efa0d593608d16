package org.loopcrm.crm.api.search;

import java.util.List;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.ValidationException;

/**
 * Searches accounts by name, contacts by name and contact mechanisms by value, with the same
 * answers on every database. Only records the actor may read are searched: others are neither
 * returned nor counted.
 */
public interface SearchService {

  /**
   * The best hits, by score, then kind, label and id; {@link ValidationException} for a query
   * without words or a bad limit.
   */
  List<SearchHit> search(Actor actor, SearchQuery query);
}
