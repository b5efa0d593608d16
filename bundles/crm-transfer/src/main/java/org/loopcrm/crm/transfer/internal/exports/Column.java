package org.loopcrm.crm.transfer.internal.exports;

import java.util.function.Function;

/**
 * One column of a tabular export.
 *
 * @param name the header, the JSON key and the name {@code columns=} selects it by
 * @param byDefault whether it is written when the request names no columns
 * @param needs what has to be read besides the list to fill it
 * @param value the cell's value: text, a number, an instant, an enum, a list of text, or null
 * @param <R> the row type
 */
record Column<R>(String name, boolean byDefault, Needs needs, Function<R, Object> value) {

  /** What a column reads besides the list itself. */
  enum Needs {
    NOTHING,
    MECHANISMS,
    TAGS
  }
}
