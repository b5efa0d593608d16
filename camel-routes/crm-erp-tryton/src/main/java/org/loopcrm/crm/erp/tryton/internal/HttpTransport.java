package org.loopcrm.crm.erp.tryton.internal;

import java.io.IOException;

/** One HTTP POST of a JSON body; what carries the JSON-RPC calls. */
interface HttpTransport {

  /**
   * Posts {@code body} and returns the answer, whatever its status.
   *
   * @param authorization the Authorization header, or null for none
   * @throws IOException when no answer came (refused, timed out, reset)
   */
  Response post(byte[] body, String authorization) throws IOException;

  /** An HTTP answer. */
  record Response(int status, byte[] body) {}
}
