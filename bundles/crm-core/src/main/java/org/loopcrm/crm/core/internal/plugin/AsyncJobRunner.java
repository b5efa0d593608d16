package org.loopcrm.crm.core.internal.plugin;

import java.util.Map;
import org.loopcrm.crm.api.plugin.AsyncPluginRunner;
import org.loopcrm.crm.api.plugin.PluginNotRegisteredException;
import org.loopcrm.crm.api.plugin.RecordPlugin;
import org.loopcrm.crm.core.internal.json.Json;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs an ASYNC job: reads the outbox event's payload, finds the job's plugin among the ones
 * registered now and runs it once with the rebuilt context. Retries and dead-lettering are the
 * route's business: every failure is thrown.
 */
@Component(service = AsyncPluginRunner.class)
public final class AsyncJobRunner implements AsyncPluginRunner {
  private final PluginPipeline plugins;

  /** Wired by DS. */
  @Activate
  public AsyncJobRunner(@Reference PluginPipeline plugins) {
    this.plugins = plugins;
  }

  @Override
  public void run(String job) {
    AsyncJob j = read(job);
    RecordPlugin plugin =
        plugins
            .asyncPlugin(j.pluginKey())
            .orElseThrow(() -> new PluginNotRegisteredException(j.pluginKey()));
    plugin.execute(j.context());
  }

  /** The job of an outbox event's payload (the job is the envelope's {@code data}). */
  @SuppressWarnings("unchecked")
  static AsyncJob read(String payload) {
    if (payload == null) {
      throw new IllegalArgumentException("no job");
    }
    Map<String, Object> envelope = Json.readObject(payload);
    if (!(envelope.get("data") instanceof Map<?, ?> data)) {
      throw new IllegalArgumentException("the job has no data object");
    }
    return AsyncJob.fromMap((Map<String, Object>) data);
  }
}
