package io.silo.region.organization.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.silo.RegionSilo;
import io.silo.region.member.model.MemberRole;
import io.silo.region.member.model.OrganizationMember;
import io.silo.region.organization.model.Organization;
import io.silo.region.team.model.Team;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Creates an organization in this region with its owner and a default team named after it, and tells control
 * (its mapping and the owner's membership) in the same transaction. Idempotent by the organization's id: a
 * repeated request — control's provisioning message delivered again — changes nothing and answers the
 * organization as it is.
 */
@Stateless
@RegionSilo
public class OrganizationProvisioning {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    RegionDirectoryChanges directory;

    /** The organization after provisioning; {@code created} is false when it existed already. */
    public record Provisioned(Organization organization, boolean created) {
    }

    public Provisioned provision(long organizationId, String slug, String name, long ownerUserId) {
        Organization existing = entityManager.find(Organization.class, organizationId);
        if (existing != null) {
            return new Provisioned(existing, false);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Organization organization = new Organization(organizationId, slug, name, now);
        OrganizationMember owner = OrganizationMember.ofUser(ids.nextId(), organizationId, ownerUserId,
                MemberRole.OWNER, now);
        Team team = new Team(ids.nextId(), organizationId, slug, name, now);
        team.addMember(owner.id());
        entityManager.persist(organization);
        entityManager.persist(owner);
        entityManager.persist(team);
        directory.organizationChanged(organization);
        directory.memberChanged(owner, false);
        return new Provisioned(organization, true);
    }

    /**
     * Removes an organization whose creation control gave up, with everything in it (the foreign keys cascade).
     * Control ignores whatever this region sent about it, so nothing is sent back.
     *
     * @return whether there was one to remove
     */
    public boolean cancel(long organizationId) {
        Organization organization = entityManager.find(Organization.class, organizationId);
        if (organization == null) {
            return false;
        }
        entityManager.remove(organization);
        return true;
    }
}
