package io.silo.common.rpc;

import io.silo.common.rpc.organization.OrganizationDirectoryService;
import io.silo.common.rpc.organization.OrganizationSlugService;
import io.silo.common.rpc.regionorganization.RegionOrganizationService;
import io.silo.common.rpc.replica.ReplicaService;
import io.silo.common.rpc.user.UserService;
import io.silo.common.silo.ControlSilo;
import io.silo.common.silo.RegionSilo;
import io.silo.common.silo.SiloMode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every RPC service, in one place: the dispatcher serves these, the client proxies these, the schema
 * describes these. A service is added here and nowhere else.
 */
public final class RpcCatalog {

    private static final List<Class<?>> SERVICES = List.of(UserService.class, OrganizationDirectoryService.class,
            OrganizationSlugService.class, ReplicaService.class, RegionOrganizationService.class);

    private static final Map<String, Map<String, RpcMethod>> METHODS = describe(SERVICES);

    private RpcCatalog() {
    }

    public static List<Class<?>> services() {
        return SERVICES;
    }

    public static Optional<RpcMethod> find(String service, String method) {
        return Optional.ofNullable(METHODS.getOrDefault(service, Map.of()).get(method));
    }

    public static boolean hasService(String service) {
        return METHODS.containsKey(service);
    }

    /** The methods of one service, in name order. */
    public static List<RpcMethod> methods(Class<?> service) {
        return List.copyOf(METHODS.get(name(service)).values());
    }

    public static RpcMethod of(Method method) {
        return find(name(method.getDeclaringClass()), method.getName())
                .orElseThrow(() -> new IllegalArgumentException(method + " is not an RPC method"));
    }

    public static String name(Class<?> service) {
        RpcService annotation = service.getAnnotation(RpcService.class);
        if (annotation == null || !service.isInterface()) {
            throw new IllegalArgumentException(service.getName() + " is not an @RpcService interface");
        }
        return annotation.value();
    }

    public static SiloMode owner(Class<?> service) {
        boolean control = service.isAnnotationPresent(ControlSilo.class);
        boolean region = service.isAnnotationPresent(RegionSilo.class);
        if (control == region) {
            throw new IllegalArgumentException(service.getName() + " must be annotated with exactly one of @ControlSilo, @RegionSilo");
        }
        return control ? SiloMode.CONTROL : SiloMode.REGION;
    }

    /** Every method of these services (the catalog's, or others for tests of the schema), by service then name. */
    public static Map<String, Map<String, RpcMethod>> describe(List<Class<?>> services) {
        Map<String, Map<String, RpcMethod>> all = new HashMap<>();
        for (Class<?> service : services) {
            String name = name(service);
            SiloMode owner = owner(service);
            Map<String, RpcMethod> methods = new LinkedHashMap<>();
            Method[] declared = service.getMethods();
            Arrays.sort(declared, Comparator.comparing(Method::getName));
            for (Method method : declared) {
                if (Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                    continue;
                }
                List<RpcParameter> parameters = Arrays.stream(method.getParameters()).map(RpcCatalog::parameter).toList();
                RpcMethod described = new RpcMethod(name, method.getName(), service, method, parameters, owner,
                        method.isAnnotationPresent(Idempotent.class));
                if (methods.put(method.getName(), described) != null) {
                    throw new IllegalStateException("RPC service " + name + " overloads " + method.getName()
                            + ": method names must be unique");
                }
            }
            if (all.put(name, methods) != null) {
                throw new IllegalStateException("Two RPC services are named " + name);
            }
        }
        return all;
    }

    private static RpcParameter parameter(Parameter parameter) {
        if (!parameter.isNamePresent()) {
            throw new IllegalStateException("Compile common-ejb with -parameters: RPC arguments are named");
        }
        return new RpcParameter(parameter.getName(), parameter.getParameterizedType());
    }
}
