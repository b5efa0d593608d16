package org.loopcrm.crm.api.erp.port;

/** The ERP's projects. */
public interface ProjectPort extends ErpPort {

  /**
   * Creates a project with its tasks; with a key already used, returns the project made then.
   *
   * @throws ErpUnavailableException if the ERP cannot be reached
   * @throws ErpRejectedException if the ERP refuses it
   */
  DocumentRef createProject(ProjectCommand command);

  /**
   * The project's status now.
   *
   * @throws org.loopcrm.crm.api.NotFoundException if there is no such project
   * @throws ErpUnavailableException if the ERP cannot be reached
   */
  DocumentRef project(String projectRef);
}
