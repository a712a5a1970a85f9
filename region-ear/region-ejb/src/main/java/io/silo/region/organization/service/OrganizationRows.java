package io.silo.region.organization.service;

import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * One way to read an organization's rows (members, teams, projects, a project's keys): pages for
 * {@link CursorPage}, newest (highest snowflake id) first, {@code limit + 1} rows past the cursor, ascending when
 * paging backwards; and rows by their slug, unique per organization.
 */
public final class OrganizationRows {

    private OrganizationRows() {
    }

    /** The organization's {@code entity} (with {@code organizationId} and {@code slug} fields) with this slug. */
    public static <T> Optional<T> bySlug(EntityManager entityManager, Class<T> entity, long organizationId,
                                         String slug) {
        return entityManager.createQuery("SELECT e FROM " + entity.getSimpleName()
                        + " e WHERE e.organizationId = :organizationId AND e.slug = :slug", entity)
                .setParameter("organizationId", organizationId)
                .setParameter("slug", slug)
                .getResultList().stream().findFirst();
    }

    /** 409 when the organization already has a {@code kind} ("team", "project") with this slug. */
    public static void requireFreeSlug(EntityManager entityManager, Class<?> entity, long organizationId, String slug,
                                       String kind) {
        if (bySlug(entityManager, entity, organizationId, slug).isPresent()) {
            throw ApiException.conflict("A " + kind + " with the slug '" + slug + "' already exists in this organization");
        }
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
