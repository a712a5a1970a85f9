package io.silo.control.audit.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.id.IdGenerator;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import io.silo.control.audit.model.AuditEntry;
import io.silo.control.audit.model.AuditEvent;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The control silo's audit log of security-relevant actions, written in the transaction of the action. */
@Stateless
@ControlSilo
public class AuditLog {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    /** Records {@code event} on {@code userId}'s account, done by {@code actor} (absent: nobody signed in). */
    public void record(AuditEvent event, Long userId, ApiPrincipal actor, String ipAddress, String detail) {
        Long actorUser = actor == null ? null : actor.userId().orElse(null);
        Long actorToken = actor == null ? null : actor.credentialId().orElse(null);
        entityManager.persist(new AuditEntry(ids.nextId(), event, userId, actorUser, actorToken, ipAddress, detail,
                OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** The same, committed on its own: for failures whose request is about to be refused and rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAlone(AuditEvent event, Long userId, ApiPrincipal actor, String ipAddress, String detail) {
        record(event, userId, actor, ipAddress, detail);
    }

    /** A page of the whole index (control's entries and every region's) as {@code filter} narrows it, newest first. */
    public CursorPage<AuditEntry> search(AuditFilter filter, Cursor cursor, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT a FROM AuditEntry a WHERE a.id " + (cursor.backwards() ? ">" : "<")
                + " :id");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", cursor.id());
        filter.organizationId().ifPresent(id -> {
            jpql.append(" AND a.organizationId = :organizationId");
            parameters.put("organizationId", id);
        });
        filter.actorUserId().ifPresent(id -> {
            jpql.append(" AND a.actorUserId = :actorUserId");
            parameters.put("actorUserId", id);
        });
        filter.event().ifPresent(event -> {
            jpql.append(event.endsWith(".") ? " AND a.event LIKE :event" : " AND a.event = :event");
            parameters.put("event", event.endsWith(".") ? event.replace("%", "") + "%" : event);
        });
        filter.since().ifPresent(since -> {
            jpql.append(" AND a.createdAt >= :since");
            parameters.put("since", since);
        });
        filter.until().ifPresent(until -> {
            jpql.append(" AND a.createdAt < :until");
            parameters.put("until", until);
        });
        jpql.append(" ORDER BY a.id ").append(cursor.backwards() ? "ASC" : "DESC");
        TypedQuery<AuditEntry> query = entityManager.createQuery(jpql.toString(), AuditEntry.class);
        parameters.forEach(query::setParameter);
        List<AuditEntry> rows = query.setMaxResults(limit + 1).getResultList();
        return CursorPage.of(cursor, limit, rows, AuditEntry::id);
    }

    /** A page of {@code userId}'s log, newest first. */
    public CursorPage<AuditEntry> page(long userId, Cursor cursor, int limit) {
        List<AuditEntry> rows = entityManager.createNamedQuery(
                        cursor.backwards() ? AuditEntry.NEWER_OF_USER : AuditEntry.OLDER_OF_USER, AuditEntry.class)
                .setParameter("userId", userId)
                .setParameter("id", cursor.id())
                .setMaxResults(limit + 1)
                .getResultList();
        return CursorPage.of(cursor, limit, rows, AuditEntry::id);
    }
}
