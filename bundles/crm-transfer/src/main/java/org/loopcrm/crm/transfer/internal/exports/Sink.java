package org.loopcrm.crm.transfer.internal.exports;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where an export's rows go: one format writing to one stream. Rows are written as they come;
 * {@link #flush} after each page pushes what is buffered to the client, {@link #finish} completes
 * the file, {@link #close} releases what the sink holds (never the caller's stream).
 *
 * @param <R> the row type
 */
interface Sink<R> extends Closeable {

  /** Writes one row. */
  void write(R row) throws IOException;

  /** Pushes the buffered bytes to the stream. */
  void flush() throws IOException;

  /** Completes the file; nothing is written after. */
  void finish() throws IOException;
}
