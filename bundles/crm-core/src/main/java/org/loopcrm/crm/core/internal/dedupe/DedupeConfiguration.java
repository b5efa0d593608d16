package org.loopcrm.crm.core.internal.dedupe;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration PID {@code org.loopcrm.crm.dedupe}: duplicate detection. */
@ObjectClassDefinition(
    name = "Loop CRM duplicate detection",
    description =
        "Match rules, thresholds and what create and update do with duplicate candidates.")
public @interface DedupeConfiguration {

  /** What create and update do with candidates. */
  @AttributeDefinition(
      name = "Mode",
      description =
          "off: no check; warn: the change goes through and returns the candidates; block: the"
              + " change is refused with 409 listing them.",
      options = {
        @Option(label = "off", value = "off"),
        @Option(label = "warn", value = "warn"),
        @Option(label = "block", value = "block")
      })
  String mode() default "warn";

  /** Whether {@code ?duplicates=ignore} may override a block. */
  @AttributeDefinition(
      name = "Allow override",
      description =
          "Whether a caller may create or update despite candidates (?duplicates=ignore).")
  boolean allowOverride() default true;

  /** The rules in force. */
  @AttributeDefinition(
      name = "Rules",
      description = "Comma-separated: email, phone, taxId, erpRef (exact) and name (fuzzy).")
  String rules() default "email,phone,taxId,erpRef,name";

  /** Rule weights. */
  @AttributeDefinition(
      name = "Weights",
      description =
          "Comma-separated rule=weight in (0, 1]; an exact rule scores its weight, name scores"
              + " weight x Jaro-Winkler similarity. Rules not named weigh 1.")
  String weights() default "phone=0.95";

  /** The candidate threshold. */
  @AttributeDefinition(name = "Threshold", description = "Score from which a pair is a candidate.")
  double threshold() default 0.9;

  /** The least name similarity. */
  @AttributeDefinition(
      name = "Name similarity",
      description = "Least Jaro-Winkler similarity of every word of two names for the name rule.")
  double nameSimilarity() default 0.92;

  /** Block size up to which a scan compares all pairs. */
  @AttributeDefinition(
      name = "Largest block",
      description = "Blocks up to this size are compared pair by pair, larger ones in a window.")
  int maxBlock() default 200;

  /** Sorted-neighbourhood window. */
  @AttributeDefinition(
      name = "Window",
      description = "Sorted neighbours each record of a large block is compared with.")
  int window() default 10;

  /** Region of national phone numbers. */
  @AttributeDefinition(
      name = "Phone region",
      description =
          "ISO 3166 region national phone numbers (without + or 00) are read in; empty: ignored.")
  String phoneRegion() default "";

  /** How many candidates a check returns at most. */
  @AttributeDefinition(name = "Candidates", description = "Most candidates a check returns.")
  int maxCandidates() default 10;
}
