package org.loopcrm.crm.api.cto;

/**
 * A constraint that the selections break, together with the others so named.
 *
 * @param index the constraint's position in the model's constraint list
 * @param label what it says
 */
public record BrokenConstraint(int index, String label) {}
