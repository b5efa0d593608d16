package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import org.loopcrm.crm.api.eto.BomStatus;

/** A revision of an engineering BOM; (request, revision) is unique. */
@Entity
@Table(name = "crm_eto_bom")
public class EngineeringBomEntity {
  @Id
  @Column(name = "id", length = 36)
  String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "request_id", nullable = false)
  EngineeringRequestEntity request;

  @Column(name = "revision", nullable = false)
  int revision;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  BomStatus status;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "released_by", length = 100)
  String releasedBy;

  @Column(name = "released_at")
  Instant releasedAt;

  @OneToMany(mappedBy = "bom", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  List<EngineeringBomLineEntity> lines = new ArrayList<>();
}
