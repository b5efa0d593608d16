package org.loopcrm.crm.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps how much of a request body is read, whatever Content-Length says (or whether it is sent at
 * all, as with chunked bodies): past the limit, reading fails with {@link TooLarge}, which the API
 * answers with 413.
 */
final class BodyLimit extends FilterInputStream {
  private final long max;
  private long read;

  /** The body was longer than allowed. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long max) {
      super("bodies are limited to " + max + " bytes");
    }
  }

  BodyLimit(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) throws TooLarge {
    read += n;
    if (read > max) {
      throw new TooLarge(max);
    }
  }
}
