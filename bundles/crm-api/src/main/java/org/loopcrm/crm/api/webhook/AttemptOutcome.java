package org.loopcrm.crm.api.webhook;

/**
 * How one delivery attempt ended.
 *
 * @param delivered whether the receiver accepted the event (answered 2xx)
 * @param statusCode the HTTP status received, null if no response came
 * @param error why the attempt failed (no secret, no body), null if it was delivered
 */
public record AttemptOutcome(boolean delivered, Integer statusCode, String error) {

  /** The receiver answered with the 2xx status {@code statusCode}. */
  public static AttemptOutcome delivered(int statusCode) {
    return new AttemptOutcome(true, statusCode, null);
  }

  /** The attempt failed with a status (or none, when null) and a reason. */
  public static AttemptOutcome failed(Integer statusCode, String error) {
    return new AttemptOutcome(false, statusCode, error);
  }
}
