package org.loopcrm.crm.core.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.loopcrm.crm.api.Actor;
import org.loopcrm.crm.api.Role;
import org.loopcrm.crm.api.merge.MergeParty;
import org.loopcrm.crm.api.merge.MergeRequest;
import org.loopcrm.crm.api.merge.PartyKind;
import org.loopcrm.crm.api.plugin.Operation;
import org.loopcrm.crm.core.internal.json.Json;

/** An ASYNC job of a merge carries the merge request through the JSON round trip. */
class AsyncJobMergeTest {
  @Test
  void aMergeRequestComesBackEqual() {
    UUID s = UUID.randomUUID();
    UUID l = UUID.randomUUID();
    Map<String, UUID> sources = new LinkedHashMap<>();
    sources.put("name", l);
    sources.put("erpRef", s);
    MergeRequest request =
        new MergeRequest(
            PartyKind.CONTACT,
            new MergeParty(s, 4),
            List.of(new MergeParty(l, 0), new MergeParty(UUID.randomUUID(), 12)),
            sources);
    AsyncJob job =
        new AsyncJob(
            "k",
            "contact",
            Operation.MERGE,
            UUID.randomUUID(),
            new Actor("manager", Set.of(Role.CRM_MANAGER), Actor.Channel.REST),
            Set.of("name"),
            request,
            null,
            null);
    AsyncJob back = AsyncJob.fromMap(Json.readObject(Json.write(job.toMap())));
    assertThat(back).isEqualTo(job);
    assertThat(((MergeRequest) back.context().target()).fieldSources()).isEqualTo(sources);
  }
}
