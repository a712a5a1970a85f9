package io.silo.control.organization.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.id.IdGenerator;
import io.silo.common.outbox.payload.OrganizationProvisioningRequest;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxWriter;
import io.silo.common.region.Region;
import io.silo.common.rpc.RpcException;
import io.silo.common.rpc.client.RpcClients;
import io.silo.common.rpc.regionorganization.RegionOrganizationService;
import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.audit.model.AuditEvent;
import io.silo.control.audit.service.AuditLog;
import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.model.OrganizationStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Organization creation, control's half of "the dropdown": in one transaction it validates and claims the slug
 * (globally unique, with a lease the region must confirm), mints the id, writes the mapping as PROVISIONING and
 * the provisioning request to the chosen region's outbox. The region creates the organization and its answer
 * makes the mapping ACTIVE and confirms the claim (OrganizationDirectoryApplier).
 */
@Stateless
@ControlSilo
public class OrganizationCreation {

    private static final Duration POLL = Duration.ofMillis(25);
    private static final long UNAVAILABLE_RETRY_AFTER_SECONDS = 30;

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    OutboxWriter outbox;

    @EJB
    AuditLog audit;

    @Inject
    SlugRules slugs;

    @Inject
    RpcClients rpc;

    @Inject
    RegionDirectory regions;

    @EJB
    SlugClaims claims;

    @Inject
    @ConfigProperty(name = "silo.organizations.default-region")
    Optional<String> defaultRegion;

    @Inject
    @ConfigProperty(name = "silo.organizations.slug-lease", defaultValue = "PT5M")
    Duration slugLease;

    /** Claims the slug and asks the region; the mapping is PROVISIONING until the region answers. */
    public OrganizationMapping create(ApiPrincipal actor, long ownerUserId, String name, String requestedSlug,
                                      String requestedRegion, String ipAddress) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            throw ApiException.invalidField("name", "1 to 200 characters");
        }
        String slug = requestedSlug == null ? slugs.fromName(cleanName) : slugs.validate(requestedSlug);
        Region region = region(requestedRegion);
        requireAvailable(region);
        boolean mapped = !entityManager.createNamedQuery(OrganizationMapping.BY_SLUG, OrganizationMapping.class)
                .setParameter("slug", slug).getResultList().isEmpty();
        long id = ids.nextId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (mapped || !claims.claimLeased(slug, id, region.name(), now.plus(slugLease))) {
            throw ApiException.conflict("The slug '" + slug + "' is already taken");
        }
        OrganizationMapping mapping = OrganizationMapping.provisioning(id, slug, cleanName, region.name(), now);
        entityManager.persist(mapping);
        outbox.toRegions(List.of(region.name()), OutboxCategory.ORGANIZATION_PROVISIONING, id, id,
                new OrganizationProvisioningRequest(id, slug, cleanName, ownerUserId));
        audit.record(AuditEvent.ORGANIZATION_CREATED, ownerUserId, actor, ipAddress,
                "organization " + id + " (" + slug + ") in region " + region.name());
        return mapping;
    }

    /** The mapping once its region has created the organization, waiting up to {@code patience}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<OrganizationMapping> awaitActive(long organizationId, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            OrganizationMapping mapping = entityManager.find(OrganizationMapping.class, organizationId);
            if (mapping != null && mapping.status() == OrganizationStatus.ACTIVE) {
                return Optional.of(mapping);
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Asks the region before anything is claimed, so a region that is down answers at once with 503 and leaves
     * no claim behind. (If it goes down right after, the claim's lease expires and OrganizationReconciliation
     * releases it.)
     */
    private void requireAvailable(Region region) {
        boolean accepts;
        try {
            accepts = rpc.region(region.name(), RegionOrganizationService.class).acceptsNewOrganizations();
        } catch (RpcException e) {
            accepts = false;
        }
        if (!accepts) {
            throw ApiException.unavailable("Region " + region.name() + " cannot create organizations right now;"
                    + " nothing was reserved, try again later", UNAVAILABLE_RETRY_AFTER_SECONDS);
        }
    }

    private Region region(String requested) {
        List<Region> offered = regions.visible();
        if (requested == null) {
            return defaultRegion.flatMap(regions::find).or(() -> offered.stream().findFirst()).orElseThrow(
                    () -> ApiException.invalidField("region", "no region is offered for new organizations"));
        }
        return offered.stream().filter(region -> region.name().equals(requested)).findFirst().orElseThrow(() ->
                ApiException.invalidField("region", "one of " + offered.stream().map(Region::name).toList()));
    }
}
