package io.silo.region.organization.service;

import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import jakarta.persistence.EntityManager;
import java.util.function.ToLongFunction;

/**
 * One way to page an organization's rows (members, teams, projects, a project's keys) for {@link CursorPage}:
 * newest (highest snowflake id) first, {@code limit + 1} rows past the cursor, ascending when paging backwards.
 */
public final class OrganizationPages {

    private OrganizationPages() {
    }

    /**
     * @param ownerField the entity's field naming the owner, e.g. {@code organizationId} or {@code projectId}
     * @param id         the row's id, by which the list is ordered
     */
    public static <T> CursorPage<T> page(EntityManager entityManager, Class<T> entity, String ownerField, long ownerId,
                                         Cursor cursor, int limit, ToLongFunction<T> id) {
        String order = cursor.backwards() ? "e.id > :id ORDER BY e.id ASC" : "e.id < :id ORDER BY e.id DESC";
        return CursorPage.of(cursor, limit, entityManager.createQuery("SELECT e FROM " + entity.getSimpleName()
                        + " e WHERE e." + ownerField + " = :owner AND " + order, entity)
                .setParameter("owner", ownerId)
                .setParameter("id", cursor.id())
                .setMaxResults(limit + 1)
                .getResultList(), id);
    }
}
