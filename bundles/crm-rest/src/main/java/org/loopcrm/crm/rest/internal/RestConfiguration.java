package org.loopcrm.crm.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code crm.rest}. */
@ObjectClassDefinition(name = "Loop CRM REST API", description = "The REST API under /crm/api/v1.")
public @interface RestConfiguration {

  /** The JAAS realm HTTP Basic credentials are checked against. */
  @AttributeDefinition(name = "JAAS realm", description = "Realm that authenticates API users.")
  String realm() default "karaf";

  /** How long a successful login is remembered, so not every request runs the login modules. */
  @AttributeDefinition(
      name = "Login cache (s)",
      description = "Seconds a successful login is reused; 0 checks every request.")
  int authCacheSeconds() default 30;

  /** The largest request body accepted. */
  @AttributeDefinition(name = "Max body (bytes)", description = "Larger requests get 413.")
  long maxBodyBytes() default 1_048_576;

  /** The largest file accepted by {@code POST /imports}. */
  @AttributeDefinition(
      name = "Max import upload (bytes)",
      description = "Larger import files get 413.")
  long maxImportBytes() default 268_435_456;
}
