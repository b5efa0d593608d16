package org.loopcrm.crm.api.dedupe;

import java.util.List;

/**
 * The duplicate-detection configuration in force (ConfigAdmin PID {@code org.loopcrm.crm.dedupe}).
 *
 * @param mode what create and update do with candidates
 * @param overrideAllowed whether a caller may ask one create or update to ignore candidates
 * @param rules the match rules in force: email, phone, taxId, erpRef, name
 * @param threshold the score from which a pair is a candidate, 0 to 1
 * @param nameSimilarity the least Jaro-Winkler similarity of names, 0 to 1
 */
public record DuplicateSettings(
    DuplicateMode mode,
    boolean overrideAllowed,
    List<String> rules,
    double threshold,
    double nameSimilarity) {}
