package org.loopcrm.crm.core.internal.demo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code crm.core}. */
@ObjectClassDefinition(
    name = "Loop CRM core",
    description = "Settings of the CRM's domain services.")
public @interface CoreConfiguration {

  /** Whether to load demo accounts into an empty database. */
  @AttributeDefinition(
      name = "Demo data",
      description = "Load a few demo accounts and contacts when the database has none.")
  boolean demo() default false;
}
