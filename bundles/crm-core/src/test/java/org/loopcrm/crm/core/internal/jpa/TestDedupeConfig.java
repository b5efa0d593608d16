package org.loopcrm.crm.core.internal.jpa;

import java.lang.annotation.Annotation;
import org.loopcrm.crm.core.internal.dedupe.DedupeConfiguration;

/** A {@link DedupeConfiguration} with the defaults, but mode and override as a test sets them. */
final class TestDedupeConfig implements DedupeConfiguration {
  private final String mode;
  private final boolean allowOverride;

  TestDedupeConfig(String mode, boolean allowOverride) {
    this.mode = mode;
    this.allowOverride = allowOverride;
  }

  @Override
  public Class<? extends Annotation> annotationType() {
    return DedupeConfiguration.class;
  }

  @Override
  public String mode() {
    return mode;
  }

  @Override
  public boolean allowOverride() {
    return allowOverride;
  }

  @Override
  public String rules() {
    return "email,phone,taxId,erpRef,name";
  }

  @Override
  public String weights() {
    return "phone=0.95";
  }

  @Override
  public double threshold() {
    return 0.9;
  }

  @Override
  public double nameSimilarity() {
    return 0.92;
  }

  @Override
  public int maxBlock() {
    return 200;
  }

  @Override
  public int window() {
    return 10;
  }

  @Override
  public String phoneRegion() {
    return "DE";
  }

  @Override
  public int maxCandidates() {
    return 10;
  }
}
