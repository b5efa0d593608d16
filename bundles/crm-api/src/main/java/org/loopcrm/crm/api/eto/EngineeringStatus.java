package org.loopcrm.crm.api.eto;

/**
 * Where an engineering request stands: OPEN → FEASIBILITY_DECIDED → ESTIMATED → QUOTED → WON, or
 * CANCELLED when its opportunity is lost. A new estimate of a quoted request takes it back to
 * ESTIMATED; reopening a lost opportunity takes its request back to where its work stands.
 */
public enum EngineeringStatus {
  OPEN,
  FEASIBILITY_DECIDED,
  ESTIMATED,
  QUOTED,
  WON,
  CANCELLED;

  /** Whether the request is still being worked on before the win (not WON nor CANCELLED). */
  public boolean open() {
    return this != WON && this != CANCELLED;
  }
}
