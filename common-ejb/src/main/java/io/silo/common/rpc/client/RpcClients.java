package io.silo.common.rpc.client;

import io.silo.common.region.Region;
import io.silo.common.region.RegionDirectory;
import io.silo.common.rpc.RpcBusinessException;
import io.silo.common.rpc.RpcCatalog;
import io.silo.common.rpc.RpcDisabledException;
import io.silo.common.rpc.RpcException;
import io.silo.common.rpc.RpcImplementations;
import io.silo.common.rpc.RpcJson;
import io.silo.common.rpc.RpcMethod;
import io.silo.common.rpc.RpcMetrics;
import io.silo.common.rpc.RpcSettings;
import io.silo.common.rpc.organization.OrganizationDirectoryService;
import io.silo.common.rpc.organization.RpcOrganizationMapping;
import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.silo.SiloMode;
import io.silo.common.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clients of RPC services. A control service is injected as its bare interface (see {@link ControlServiceClients});
 * control reaches a region's service with {@link #region}, or {@link #organization} for the region holding an
 * organization. Where the service is deployed in this server (its
 * own silo, or a MONOLITH) the client calls it in-process, without HTTP; elsewhere it signs and sends the
 * call. Either way the kill switch, the metrics and the error types are the same.
 */
@ApplicationScoped
@AllSilos
public class RpcClients {

    private static final String CONTROL = "control";

    @Inject
    SiloIdentity silo;

    @Inject
    RegionDirectory regions;

    @Inject
    RpcSettings settings;

    @Inject
    RpcTransport transport;

    @Inject
    RpcImplementations implementations;

    @Inject
    RpcMetrics metrics;

    private final Map<String, Object> proxies = new ConcurrentHashMap<>();

    /** A control service, called in-process on control and MONOLITH servers and over HTTP from a region. */
    public <T> T control(Class<T> service) {
        requireOwner(service, SiloMode.CONTROL);
        return proxy(service, silo.mode() == SiloMode.REGION ? new RpcTarget(CONTROL, settings.controlAddress())
                : RpcTarget.local(CONTROL));
    }

    /**
     * A region's service. Control calls any region of its directory; a MONOLITH and a region call only their
     * own region, in-process.
     *
     * @throws RpcException REFUSED when a region asks for another region: regions never call each other
     * @throws IllegalArgumentException for a region the directory does not know
     */
    public <T> T region(String region, Class<T> service) {
        requireOwner(service, SiloMode.REGION);
        Region target = regions.find(region).orElseThrow(() -> new IllegalArgumentException("No region '" + region
                + "' in the region directory"));
        if (silo.mode() == SiloMode.CONTROL) {
            return proxy(service, new RpcTarget(target.name(), target.address()));
        }
        String own = silo.region().orElse("");
        if (!own.equals(region)) {
            throw new RpcException(RpcException.Kind.REFUSED, silo.mode() == SiloMode.REGION
                    ? "A region never calls another region: " + silo.siloName() + " asked for a client of " + region
                    : "This MONOLITH serves region " + own + " only, not " + region);
        }
        return proxy(service, RpcTarget.local(region));
    }

    /**
     * A region's service, in the region that holds this organization according to control's directory.
     *
     * @throws IllegalArgumentException when the directory does not know the organization
     */
    public <T> T organization(long organizationId, Class<T> service) {
        RpcOrganizationMapping mapping = control(OrganizationDirectoryService.class).findById(organizationId)
                .orElseThrow(() -> new IllegalArgumentException("No organization " + organizationId + " in the directory"));
        return region(mapping.region(), service);
    }

    private static void requireOwner(Class<?> service, SiloMode owner) {
        if (RpcCatalog.owner(service) != owner) {
            throw new IllegalArgumentException(service.getSimpleName() + " is a " + RpcCatalog.owner(service)
                    + " service, not a " + owner + " one");
        }
    }

    private <T> T proxy(Class<T> service, RpcTarget target) {
        return service.cast(proxies.computeIfAbsent(service.getName() + "@" + target.name(), key -> Proxy.newProxyInstance(
                service.getClassLoader(), new Class<?>[] {service},
                (proxy, method, arguments) -> method.getDeclaringClass() == Object.class
                        ? objectMethod(proxy, method, arguments, key)
                        : call(target, RpcCatalog.of(method), arguments == null ? new Object[0] : arguments))));
    }

    private static Object objectMethod(Object proxy, Method method, Object[] arguments, String key) {
        return switch (method.getName()) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "RpcClient[" + key + "]";
        };
    }

    private Object call(RpcTarget target, RpcMethod method, Object[] arguments) {
        long started = System.nanoTime();
        String error = null;
        try {
            if (settings.disabled(method, target.name())) {
                throw new RpcDisabledException(method.qualifiedName() + " is switched off for " + target.name()
                        + " by silo.rpc.disabled on this server");
            }
            if (target.local()) {
                return callInProcess(method, arguments);
            }
            byte[] body = RpcJson.writeArguments(method, arguments);
            RpcReply reply = method.idempotent() ? transport.sendIdempotent(target, method, body)
                    : transport.send(target, method, body);
            return reply.value(method, target);
        } catch (RuntimeException e) {
            error = RpcMetrics.kindOf(e);
            throw e;
        } finally {
            metrics.record(method, RpcMetrics.CALLER, error, started);
        }
    }

    /** In-process, failures take the same types as over HTTP. */
    private Object callInProcess(RpcMethod method, Object[] arguments) {
        try {
            return implementations.invoke(method, arguments);
        } catch (RpcBusinessException | RpcException e) {
            throw e;
        } catch (ApiException e) {
            throw new RpcException(e.problem().status() == 400 ? RpcException.Kind.BAD_ARGUMENTS : RpcException.Kind.INTERNAL,
                    e.getMessage());
        } catch (RuntimeException e) {
            throw new RpcException(RpcException.Kind.INTERNAL, method.qualifiedName() + " failed: " + e, e);
        }
    }
}
