package org.loopcrm.crm.api.plugin;

/**
 * Runs the {@link Stage#ASYNC} jobs of record plugins; the CRM's routes call it, plugins never do.
 *
 * <p>Inside an operation's transaction the CRM writes, for every ASYNC plugin that matches the
 * operation (record type, operation, attribute filter), one outbox event of type {@value
 * #JOB_EVENT_TYPE} whose aggregate id is the record's id and whose payload is the job (JSON: the
 * plugin's key, the operation, the actor, the correlation id, the changed fields, target, pre- and
 * post-image). The outbox relay sends these events to the plugin queue, never to the public events
 * topic, and webhooks never see them. A route takes them from the queue and passes each payload to
 * {@link #run}.
 */
public interface AsyncPluginRunner {

  /** The outbox event type of an ASYNC plugin job. */
  String JOB_EVENT_TYPE = "crm.plugin-job";

  /**
   * Rebuilds the job's {@link PluginContext} at {@link Stage#ASYNC} and runs its plugin once.
   *
   * @param job the payload of a {@value #JOB_EVENT_TYPE} outbox event
   * @throws PluginNotRegisteredException if the job's plugin is not registered now
   * @throws IllegalArgumentException if the job cannot be read
   * @throws RuntimeException whatever the plugin threw, a {@link PluginVetoException} included
   */
  void run(String job);
}
