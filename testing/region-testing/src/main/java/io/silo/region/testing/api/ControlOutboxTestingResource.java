package io.silo.region.testing.api;

import io.silo.common.outbox.payload.OrganizationMappingReplica;
import io.silo.common.outbox.payload.OrganizationMemberReplica;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxJson;
import io.silo.common.outbox.payload.ProjectKeyMappingReplica;
import io.silo.common.outbox.payload.RegionAuditEntry;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.replication.service.ControlDirectoryOutbox;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * TESTING ONLY — replaced by the region's organization, membership and project key services (the region
 * domain issue), which will call {@link ControlDirectoryOutbox} from their own transactions. Until they exist,
 * this lets the end-to-end tests write region → control messages exactly as they will: through
 * ControlDirectoryOutbox and the real OutboxWriter, in a real (JTA) transaction, then drained and applied by
 * control. {@code POST /api/0/internal/testing/control-outbox/{category}/} with the category's payload JSON.
 *
 * <p>It exists only in the test WARs (module {@code testing}).
 */
@Path("api/0/internal/testing/control-outbox/")
@RequestScoped
@RegionSilo
public class ControlOutboxTestingResource {

    @EJB
    ControlDirectoryOutbox outbox;

    @POST
    @Path("{category}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response write(@PathParam("category") String category, String payload) {
        OutboxCategory kind;
        try {
            kind = OutboxCategory.valueOf(category);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No such category: " + category);
        }
        switch (kind) {
            case ORGANIZATION_MAPPING -> outbox.organizationChanged(OutboxJson.read(payload, OrganizationMappingReplica.class));
            case ORGANIZATION_MEMBER_MAPPING -> outbox.membershipChanged(OutboxJson.read(payload, OrganizationMemberReplica.class));
            case PROJECT_KEY_MAPPING -> outbox.projectKeyChanged(OutboxJson.read(payload, ProjectKeyMappingReplica.class));
            case AUDIT_ENTRY -> outbox.audited(OutboxJson.read(payload, RegionAuditEntry.class));
            default -> throw ApiException.badRequest(kind + " is not written by regions");
        }
        return Response.accepted().build();
    }
}
