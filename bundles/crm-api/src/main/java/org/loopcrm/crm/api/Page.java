package org.loopcrm.crm.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of a cursor-paged listing.
 *
 * @param <T> the item type
 * @param items the items of this page, in the requested order
 * @param nextCursor an opaque cursor for the next page, absent on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

  /** Copies the items. */
  public Page {
    items = List.copyOf(items);
  }
}
