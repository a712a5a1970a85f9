package io.silo.control.admin.api;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.silo.ControlSilo;
import io.silo.common.silo.SiloIdentity;
import io.silo.control.audit.service.AuditLog;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Audits what operators do to the outbox — replay or discard a dead letter, re-enable a shard — once it succeeded,
 * whether on control's own outbox or a region's through control: one place sees every such request.
 */
@Provider
@ControlSilo
public class OperatorActionAudit implements ContainerResponseFilter {

    @EJB
    AuditLog auditLog;

    @Inject
    CurrentRequest current;

    @Inject
    SiloIdentity identity;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 300) {
            return;
        }
        OperatorActions.of(request.getMethod(), request.getUriInfo().getPath(), identity.siloName()).ifPresent(action -> {
            ApiPrincipal operator = current.requirePrincipal();
            auditLog.record(action.event(), operator.userId().orElse(null), operator, current.clientAddress(),
                    action.detail());
        });
    }
}
