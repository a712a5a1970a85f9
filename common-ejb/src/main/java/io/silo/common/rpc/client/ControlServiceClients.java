package io.silo.common.rpc.client;

import io.silo.common.rpc.organization.OrganizationDirectoryService;
import io.silo.common.rpc.organization.OrganizationSlugService;
import io.silo.common.rpc.user.UserService;
import io.silo.common.silo.AllSilos;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Makes every control RPC service injectable as its bare interface ({@code @Inject UserService users}) on
 * every server: the bean is the {@link RpcClients} client, in-process on control and MONOLITH servers, over
 * HTTP from a region. The implementation in control is qualified {@code @RpcImplementation}, so the two never
 * clash. Every control service of {@link io.silo.common.rpc.RpcCatalog} has a producer here (a test checks it).
 */
@ApplicationScoped
@AllSilos
public class ControlServiceClients {

    @Inject
    RpcClients clients;

    @Produces
    @Dependent
    public UserService userService() {
        return clients.control(UserService.class);
    }

    @Produces
    @Dependent
    public OrganizationDirectoryService organizationDirectory() {
        return clients.control(OrganizationDirectoryService.class);
    }

    @Produces
    @Dependent
    public OrganizationSlugService organizationSlugs() {
        return clients.control(OrganizationSlugService.class);
    }
}
