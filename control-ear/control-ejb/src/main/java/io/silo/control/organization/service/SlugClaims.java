package io.silo.control.organization.service;

import io.silo.common.silo.ControlSilo;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Every statement on control.slug_reservation, the one place slugs are claimed: the slug is the primary key, so of
 * concurrent claims of one slug — creations and renames, from any region — exactly one wins. A creation's claim
 * carries a lease that the region's confirmation clears; a rename's old slug stays as a TEMPORARY_ALIAS until its
 * lease ends; reconciliation releases what expired. Always inside the caller's transaction.
 */
@Stateless
@ControlSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SlugClaims {

    /** An expired claim, locked: whose it is and of which kind. */
    public record ExpiredClaim(long organizationId, String region, boolean alias) {
    }

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    /** Claims a free slug for a new organization until {@code leaseExpiresAt}; false if it is taken. */
    public boolean claimLeased(String slug, long organizationId, String region, OffsetDateTime leaseExpiresAt) {
        return entityManager.createNativeQuery("""
                INSERT INTO control.slug_reservation (slug, organization_id, region, kind, lease_expires_at)
                VALUES (?1, ?2, ?3, 'PRIMARY', ?4) ON CONFLICT (slug) DO NOTHING
                """)
                .setParameter(1, slug)
                .setParameter(2, organizationId)
                .setParameter(3, region)
                .setParameter(4, leaseExpiresAt)
                .executeUpdate() > 0;
    }

    /**
     * Makes {@code slug} the organization's confirmed PRIMARY claim: claims it if free, confirms (ends the lease
     * of) a claim of this organization, also an alias it returns to; false if another organization holds it.
     */
    public boolean claimPrimary(String slug, long organizationId, String region) {
        return entityManager.createNativeQuery("""
                INSERT INTO control.slug_reservation (slug, organization_id, region, kind) VALUES (?1, ?2, ?3, 'PRIMARY')
                ON CONFLICT (slug) DO UPDATE SET kind = 'PRIMARY', lease_expires_at = NULL
                WHERE slug_reservation.organization_id = excluded.organization_id
                """)
                .setParameter(1, slug)
                .setParameter(2, organizationId)
                .setParameter(3, region)
                .executeUpdate() > 0;
    }

    /** Keeps the organization's former slug as a redirecting alias until {@code expiresAt}. */
    public void keepAsAlias(String slug, long organizationId, String region, OffsetDateTime expiresAt) {
        entityManager.createNativeQuery("""
                INSERT INTO control.slug_reservation (slug, organization_id, region, kind, lease_expires_at)
                VALUES (?1, ?2, ?3, 'TEMPORARY_ALIAS', ?4)
                ON CONFLICT (slug) DO UPDATE SET kind = 'TEMPORARY_ALIAS', lease_expires_at = excluded.lease_expires_at
                WHERE slug_reservation.organization_id = excluded.organization_id
                """)
                .setParameter(1, slug)
                .setParameter(2, organizationId)
                .setParameter(3, region)
                .setParameter(4, expiresAt)
                .executeUpdate();
    }

    /** Up to {@code limit} slugs whose lease ended, the oldest first (not locked: see {@link #lockExpired}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> expired(int limit) {
        @SuppressWarnings("unchecked")
        List<String> slugs = entityManager.createNativeQuery("SELECT slug FROM control.slug_reservation"
                + " WHERE lease_expires_at < now() ORDER BY lease_expires_at LIMIT ?1")
                .setParameter(1, limit).getResultList();
        return slugs;
    }

    /** The slug's claim if its lease ended and no other instance is reconciling it (locked until commit). */
    public Optional<ExpiredClaim> lockExpired(String slug) {
        @SuppressWarnings("unchecked")
        List<Object[]> claims = entityManager.createNativeQuery("SELECT organization_id, region, kind"
                        + " FROM control.slug_reservation WHERE slug = ?1 AND lease_expires_at < now()"
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, slug).getResultList();
        return claims.stream().findFirst().map(claim -> new ExpiredClaim(((Number) claim[0]).longValue(),
                (String) claim[1], "TEMPORARY_ALIAS".equals(claim[2])));
    }

    /** Ends the slug's lease: the claim stays. */
    public void confirm(String slug) {
        entityManager.createNativeQuery("UPDATE control.slug_reservation SET lease_expires_at = NULL WHERE slug = ?1")
                .setParameter(1, slug).executeUpdate();
    }

    /** Frees the slug. */
    public void release(String slug) {
        entityManager.createNativeQuery("DELETE FROM control.slug_reservation WHERE slug = ?1")
                .setParameter(1, slug).executeUpdate();
    }
}
