package org.loopcrm.crm.core.internal.jpa;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.persistence.EntityManager;
import org.loopcrm.crm.api.ValidationException;
import org.loopcrm.crm.api.ValidationException.FieldError;
import org.loopcrm.crm.api.erp.StreamPosition;
import org.loopcrm.crm.api.erp.Watermark;

/**
 * The pollers' watermarks, read and written in the caller's transaction. Times are kept to the
 * microsecond, what both databases store (and what the ERP's write times carry).
 */
final class Watermarks {
  private static final int MAX_SYSTEM = 40;
  private static final int MAX_STREAM = 60;

  private Watermarks() {}

  /** Checks a stream's name and a watermark, naming every bad part at once. */
  static void check(String system, String stream, Watermark to) {
    List<FieldError> errors = new ArrayList<>();
    if (system == null || system.isBlank() || system.length() > MAX_SYSTEM) {
      errors.add(new FieldError("erpSystem", "must be 1 to " + MAX_SYSTEM + " characters"));
    }
    if (stream == null || stream.isBlank() || stream.length() > MAX_STREAM) {
      errors.add(new FieldError("stream", "must be 1 to " + MAX_STREAM + " characters"));
    }
    if (to == null) {
      errors.add(new FieldError("watermark", "is required"));
    } else if (to.lastId() < 0) {
      errors.add(new FieldError("lastId", "must not be negative"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  static ErpWatermarkEntity find(EntityManager em, String system, String stream) {
    return em.find(ErpWatermarkEntity.class, new ErpWatermarkEntity.Key(system, stream));
  }

  /** Moves the stream's watermark to {@code to} unless it stands there or further already. */
  static void advance(EntityManager em, String system, String stream, Watermark to, Instant now) {
    ErpWatermarkEntity w = find(em, system, stream);
    Watermark mark = micros(to);
    if (w == null) {
      insert(em, system, stream, mark, now);
    } else if (of(w).compareTo(mark) < 0) {
      w.changedAt = mark.changedAt();
      w.lastId = mark.lastId();
      w.updatedAt = now;
    }
  }

  /** Puts the stream's watermark at {@code to}, backwards too; returns the entity. */
  static ErpWatermarkEntity set(
      EntityManager em, String system, String stream, Watermark to, Instant now) {
    ErpWatermarkEntity w = find(em, system, stream);
    Watermark mark = micros(to);
    if (w == null) {
      return insert(em, system, stream, mark, now);
    }
    w.changedAt = mark.changedAt();
    w.lastId = mark.lastId();
    w.updatedAt = now;
    return w;
  }

  private static ErpWatermarkEntity insert(
      EntityManager em, String system, String stream, Watermark mark, Instant now) {
    ErpWatermarkEntity w = new ErpWatermarkEntity();
    w.erpSystem = system;
    w.stream = stream;
    w.changedAt = mark.changedAt();
    w.lastId = mark.lastId();
    w.updatedAt = now;
    em.persist(w);
    return w;
  }

  static Watermark of(ErpWatermarkEntity w) {
    return new Watermark(w.changedAt, w.lastId);
  }

  static StreamPosition position(ErpWatermarkEntity w) {
    return new StreamPosition(w.erpSystem, w.stream, of(w), w.updatedAt);
  }

  private static Watermark micros(Watermark w) {
    return new Watermark(w.changedAt().truncatedTo(ChronoUnit.MICROS), w.lastId());
  }

  static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
