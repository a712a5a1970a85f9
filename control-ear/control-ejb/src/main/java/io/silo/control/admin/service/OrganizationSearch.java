package io.silo.control.admin.service;

import io.silo.common.persistence.NativeSql;
import io.silo.common.silo.ControlSilo;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds organizations for operators in control's own directory (the organization mapping, the replicated
 * memberships and the accounts): by slug, id or a member's email. No region is asked: what an operator sees here
 * is what control holds anyway, never customer data.
 */
@Stateless
@ControlSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OrganizationSearch {

    static final int LIMIT = 50;

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    /** One organization as the directory knows it, its members, and whether its creation outlived its lease. */
    public record Found(long id, String slug, String name, String region, String status, Instant createdAt,
                        boolean provisioningOverdue, List<Member> members) {
    }

    public record Member(long userId, String email, String role) {
    }

    /**
     * Organizations whose slug starts with {@code query}, whose id it is, or with a member of that email; the newest
     * first, at most {@value #LIMIT}. An empty query lists the newest.
     */
    public List<Found> search(String query) {
        String text = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        NativeSql sql = new NativeSql().append("""
                SELECT m.id, m.slug, m.name, m.region, m.status, m.created_at,
                       m.status = 'PROVISIONING' AND EXISTS (SELECT 1 FROM control.slug_reservation r
                           WHERE r.organization_id = m.id AND r.lease_expires_at < now())
                FROM control.organization_mapping m
                """);
        if (!text.isEmpty()) {
            String bound = sql.bind(text);
            sql.append(" WHERE m.slug LIKE " + bound + " || '%' OR CAST(m.id AS text) = " + bound
                    + " OR m.id IN (SELECT mm.organization_id FROM control.organization_member_mapping mm"
                    + " JOIN control.users u ON u.id = mm.user_id WHERE NOT mm.is_removed AND u.email = " + bound + ")");
        }
        sql.append(" ORDER BY m.created_at DESC, m.id DESC LIMIT " + sql.bind(LIMIT));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.create(entityManager).getResultList();
        Map<Long, List<Member>> members = members(rows.stream().map(row -> ((Number) row[0]).longValue()).toList());
        List<Found> found = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            found.add(new Found(id, (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    instant(row[5]), Boolean.TRUE.equals(row[6]), members.getOrDefault(id, List.of())));
        }
        return found;
    }

    private Map<Long, List<Member>> members(List<Long> organizationIds) {
        Map<Long, List<Member>> members = new LinkedHashMap<>();
        if (organizationIds.isEmpty()) {
            return members;
        }
        NativeSql sql = new NativeSql().append("SELECT mm.organization_id, u.id, u.email, mm.role"
                + " FROM control.organization_member_mapping mm JOIN control.users u ON u.id = mm.user_id");
        sql.append(" WHERE NOT mm.is_removed AND mm.organization_id IN " + sql.bindAll(organizationIds)
                + " ORDER BY u.email");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.create(entityManager).getResultList();
        for (Object[] row : rows) {
            members.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
                    .add(new Member(((Number) row[1]).longValue(), (String) row[2], (String) row[3]));
        }
        return members;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.parse(String.valueOf(value));
    }
}
