package io.silo.control.admin.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSilo;
import io.silo.control.admin.service.OrganizationSearch;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/0/admin/organizations/?query=}: organizations of every region found in control's directory by
 * slug (its start), id or a member's email, newest first (at most 50), with region, status, members and whether a
 * creation outlived its lease. Operators only.
 */
@Path("api/0/admin/organizations/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
@Authorize(scopes = Scope.ADMIN)
public class AdminOrganizationsResource {

    @EJB
    OrganizationSearch search;

    @GET
    public List<OrganizationSearch.Found> search(@QueryParam("query") String query) {
        return search.search(query);
    }
}
