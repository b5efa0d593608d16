package org.loopcrm.crm.api.dedupe;

import java.util.UUID;

/**
 * A record in a duplicate cluster.
 *
 * @param id the record's id (an account id, or a contact's person id): what a merge takes
 * @param accountId the account: the record itself, or the contact's account
 * @param name the name when the scan ran
 * @param score the score of the member's best pair in the cluster
 * @param rule the rule of that pair
 */
public record ClusterMember(UUID id, UUID accountId, String name, double score, String rule) {}
