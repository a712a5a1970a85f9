package io.silo.region.testing.api;

import io.silo.common.id.IdGenerator;
import io.silo.common.persistence.SiloDataSource;
import io.silo.common.silo.RegionSilo;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * TESTING ONLY — the floor the ingestion benchmark compares {@code /api/{project}/envelope/} with: the same
 * event body stored as the same kind of row, by one INSERT and nothing else (no authentication, parsing,
 * normalization or grouping): {@code POST /api/0/internal/testing/ingest-baseline/{projectId}?organization=…&issue=…}.
 * Only in the test WARs (module {@code testing}), never in a production WAR.
 */
@Path("api/0/internal/testing/ingest-baseline/{projectId}")
@RequestScoped
@RegionSilo
public class IngestBaselineTestingResource {

    private static final String INSERT = "INSERT INTO region.event (id, event_id, organization_id, project_id, issue_id,"
            + " occurred_at, level, title, body) VALUES (?, ?, ?, ?, ?, now(), 'error', 'baseline', CAST(? AS jsonb))";

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    @EJB
    IdGenerator ids;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String insert(@PathParam("projectId") long projectId, @QueryParam("organization") long organizationId,
                         @QueryParam("issue") long issueId, String body) throws SQLException {
        UUID eventId = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, ids.nextId());
            insert.setObject(2, eventId);
            insert.setLong(3, organizationId);
            insert.setLong(4, projectId);
            insert.setLong(5, issueId);
            insert.setString(6, body);
            insert.executeUpdate();
        }
        return "{\"id\":\"" + eventId.toString().replace("-", "") + "\"}";
    }
}
