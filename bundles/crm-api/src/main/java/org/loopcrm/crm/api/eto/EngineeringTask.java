package org.loopcrm.crm.api.eto;

import java.math.BigDecimal;

/**
 * A task of the engineering work, which becomes a task of the ERP project on the win.
 *
 * @param name what is to be done
 * @param effortHours the planned effort in hours, or null
 */
public record EngineeringTask(String name, BigDecimal effortHours) {}
