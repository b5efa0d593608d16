package org.loopcrm.crm.api.erp.port;

import java.math.BigDecimal;

/**
 * A task of a project.
 *
 * @param name the task's name
 * @param effortHours the planned effort in hours, or null
 */
public record ProjectTask(String name, BigDecimal effortHours) {}
