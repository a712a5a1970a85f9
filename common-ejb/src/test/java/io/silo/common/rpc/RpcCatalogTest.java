package io.silo.common.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.rpc.client.ControlServiceClients;
import io.silo.common.rpc.user.UserService;
import io.silo.common.silo.SiloMode;
import jakarta.enterprise.inject.Produces;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RpcCatalogTest {

    @Test
    void everyControlServiceIsInjectableAsItsInterface() {
        Set<Class<?>> produced = Arrays.stream(ControlServiceClients.class.getMethods())
                .filter(method -> method.isAnnotationPresent(Produces.class)).map(Method::getReturnType)
                .collect(Collectors.toSet());
        for (Class<?> service : RpcCatalog.services()) {
            assertEquals(RpcCatalog.owner(service) == SiloMode.CONTROL, produced.contains(service),
                    service.getSimpleName() + ": control services need a producer in ControlServiceClients, region services none");
        }
    }

    @Test
    void methodsAreDescribedWithNamedArgumentsOwnerAndIdempotency() {
        RpcMethod listByIds = RpcCatalog.find("user", "listByIds").orElseThrow();
        assertEquals(UserService.class, listByIds.serviceType());
        assertEquals("userIds", listByIds.parameters().get(0).name());
        assertEquals(SiloMode.CONTROL, listByIds.owner());
        assertTrue(listByIds.idempotent());
        assertEquals("/api/0/internal/rpc/user/listByIds", listByIds.path());
        assertTrue(RpcCatalog.find("user", "nothing").isEmpty());
        assertFalse(RpcCatalog.hasService("billing"));
    }

    @Test
    void killSwitchEntriesNameAMethodOrAServiceOptionallyForOneTarget() {
        RpcMethod findUser = RpcCatalog.find("replica", "findUser").orElseThrow();
        assertTrue(RpcSettings.matches("replica.findUser", findUser, "eu"));
        assertTrue(RpcSettings.matches("replica.*", findUser, "eu"));
        assertTrue(RpcSettings.matches("replica.findUser@eu", findUser, "eu"));
        assertFalse(RpcSettings.matches("replica.findUser@us", findUser, "eu"));
        assertFalse(RpcSettings.matches("replica.summary", findUser, "eu"));
        assertFalse(RpcSettings.matches("user.*", findUser, "eu"));
    }
}
