package io.silo.control.organization.service;

import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxWriter;
import io.silo.common.outbox.payload.OrganizationMappingReplica;
import io.silo.common.outbox.payload.OrganizationProvisioningCancelled;
import io.silo.common.persistence.OutageLog;
import io.silo.common.rpc.RpcException;
import io.silo.common.rpc.client.RpcClients;
import io.silo.common.rpc.regionorganization.RegionOrganizationService;
import io.silo.common.rpc.regionorganization.RpcRegionOrganization;
import io.silo.common.silo.ControlSilo;
import io.silo.control.audit.model.AuditEvent;
import io.silo.control.audit.service.AuditLog;
import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.model.OrganizationStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Repairs or releases slug claims whose lease expired (GitLab Cells' lease model): every control instance runs
 * it, each claim is taken with {@code FOR UPDATE SKIP LOCKED} in its own transaction, so instances share the
 * work and never handle one claim twice. For a claim whose organization is still PROVISIONING, the region is
 * asked: if it has the organization (its answer was lost or is late) the mapping is activated from what it
 * says (REPAIRED); otherwise, or if it cannot be reached, creation is given up (RELEASED): the slug is freed,
 * the mapping removed, an unsent provisioning request deleted and a cancellation queued behind a sent one, so
 * the region removes the organization should it create it after all. Every action is a metric and an audit entry.
 */
@Stateless
@ControlSilo
public class OrganizationReconciliation {

    /** What was done with one expired claim. */
    public enum Action { CONFIRMED, REPAIRED, RELEASED, ORPHAN_RELEASED, ALIAS_EXPIRED }

    private static final Logger LOG = Logger.getLogger(OrganizationReconciliation.class.getName());
    private static final OutageLog OUTAGE = new OutageLog(LOG, "Slug claim reconciliation");
    private static final int BATCH = 100;

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @Resource
    SessionContext context;

    @Inject
    RpcClients rpc;

    @EJB
    SlugClaims claims;

    @EJB
    OutboxWriter outbox;

    @EJB
    AuditLog audit;

    @EJB
    OrganizationDirectoryApplier directory;

    @Inject
    MetricRegistry metrics;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweepExpiredClaims() {
        try {
            reconcileExpired();
            OUTAGE.succeeded();
        } catch (RuntimeException e) {
            OUTAGE.failed(e, "Reconciling expired slug claims failed; the next sweep tries again");
        }
    }

    /** Reconciles the claims expired by now; what was done, by action. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<Action, Integer> reconcileExpired() {
        List<String> expired = claims.expired(BATCH);
        Map<Action, Integer> done = new EnumMap<>(Action.class);
        OrganizationReconciliation self = context.getBusinessObject(OrganizationReconciliation.class);
        for (String slug : expired) {
            self.reconcile(slug).ifPresent(action -> {
                done.merge(action, 1, Integer::sum);
                metrics.counter(Metadata.builder().withName("silo_organization_claims_reconciled_total")
                        .withDescription("Expired organization slug claims reconciled, by what was done").build(),
                        new Tag("action", action.name().toLowerCase(Locale.ROOT))).inc();
            });
        }
        return done;
    }

    /** One expired claim, if no other instance holds it and it is still expired. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Action> reconcile(String slug) {
        Optional<SlugClaims.ExpiredClaim> claim = claims.lockExpired(slug);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        long organizationId = claim.get().organizationId();
        String region = claim.get().region();
        if (claim.get().alias()) {
            claims.release(slug);
            return Optional.of(Action.ALIAS_EXPIRED);
        }
        OrganizationMapping mapping = entityManager.find(OrganizationMapping.class, organizationId);
        if (mapping == null) {
            claims.release(slug);
            return Optional.of(Action.ORPHAN_RELEASED);
        }
        if (mapping.status() != OrganizationStatus.PROVISIONING) {
            claims.confirm(slug);
            return Optional.of(Action.CONFIRMED);
        }
        Optional<RpcRegionOrganization> held = heldBy(region, organizationId);
        if (held.isPresent()) {
            RpcRegionOrganization organization = held.get();
            directory.applyOrganization(new OrganizationMappingReplica(organization.id(), organization.slug(),
                    organization.name(), region, organization.status(), organization.version()));
            audit.record(AuditEvent.ORGANIZATION_PROVISIONING_REPAIRED, null, null, null, "organization "
                    + organizationId + " (" + slug + ") exists in region " + region + "; its mapping was activated");
            return Optional.of(Action.REPAIRED);
        }
        entityManager.createNativeQuery("DELETE FROM control.control_outbox WHERE category = ?1 AND object_id = ?2")
                .setParameter(1, OutboxCategory.ORGANIZATION_PROVISIONING.name())
                .setParameter(2, organizationId)
                .executeUpdate();
        entityManager.remove(mapping);
        claims.release(slug);
        entityManager.createNativeQuery("INSERT INTO control.cancelled_organization (organization_id, slug, region)"
                        + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, organizationId).setParameter(2, slug).setParameter(3, region).executeUpdate();
        outbox.toRegions(List.of(region), OutboxCategory.ORGANIZATION_PROVISIONING_CANCELLED, organizationId,
                organizationId, new OrganizationProvisioningCancelled(organizationId));
        audit.record(AuditEvent.ORGANIZATION_PROVISIONING_RELEASED, null, null, null, "organization " + organizationId
                + " (" + slug + ") was not confirmed by region " + region + " in time; its slug was released");
        return Optional.of(Action.RELEASED);
    }

    /** What the region holds of the organization; nothing when it does not have it or cannot be reached. */
    private Optional<RpcRegionOrganization> heldBy(String region, long organizationId) {
        try {
            return rpc.region(region, RegionOrganizationService.class).find(organizationId);
        } catch (RpcException e) {
            return Optional.empty();
        }
    }
}
