package org.loopcrm.crm.bench;

import java.time.Duration;
import java.util.List;

/**
 * What the warm-up did; its latencies are thrown away.
 *
 * @param length how long it ran
 * @param requests requests answered
 * @param errors of those, the failed ones
 * @param accountsToRead accounts created (during warm-up, or by the seeding that replaces a zero
 *     warm-up) that the {@code read} scenario fetches
 * @param errorSamples the first few errors
 */
public record WarmupSummary(
    Duration length, long requests, long errors, int accountsToRead, List<String> errorSamples) {}
