package io.silo.common.testing.api;

import io.silo.common.rpc.RpcSettings;
import io.silo.common.rpc.client.RpcClients;
import io.silo.common.rpc.user.UserService;
import io.silo.common.silo.AllSilos;
import io.silo.common.web.ApiException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * For the RPC benchmark only (test WARs only, module {@code testing}): this region server calls
 * control {@code calls} times from {@code concurrency} threads, either through the RPC client
 * ({@code user.getById}) or as a plain JAX-RS POST of the same JSON through the same REST Client stack
 * ({@link BareUserResource}), and answers p50, p99 and requests per second.
 */
@Path("api/0/internal/testing/rpc-bench/{mode}")
@RequestScoped
@AllSilos
public class RpcBenchResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** The bare call: the same JSON to a plain resource. */
    public interface BareEndpoint {
        @POST
        @Path("/api/0/internal/testing/bare/user/getById")
        @Consumes(MediaType.APPLICATION_JSON)
        @jakarta.ws.rs.Produces(MediaType.APPLICATION_JSON)
        Response getById(byte[] body);
    }

    @Inject
    RpcClients clients;

    @Inject
    RpcSettings settings;

    @Resource
    ManagedExecutorService executor;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public JsonObject run(@PathParam("mode") String mode, @QueryParam("calls") int calls,
                          @QueryParam("concurrency") int concurrency, @QueryParam("userId") long userId)
            throws InterruptedException, ExecutionException {
        if (calls < 1 || concurrency < 1 || concurrency > 64) {
            throw ApiException.badRequest("calls ≥ 1 and concurrency 1..64");
        }
        Runnable call = switch (mode) {
            case "rpc" -> rpcCall(userId);
            case "bare" -> bareCall(userId);
            default -> throw ApiException.badRequest("mode is rpc or bare");
        };
        for (int i = 0; i < Math.min(calls, 200); i++) {
            call.run();
        }
        long[] latencies = new long[calls];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(executor.submit(() -> {
                for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    call.run();
                    latencies[i] = System.nanoTime() - begin;
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsed = System.nanoTime() - started;
        Arrays.sort(latencies);
        return Json.createObjectBuilder().add("mode", mode).add("calls", calls).add("concurrency", concurrency)
                .add("p50Micros", latencies[calls / 2] / 1_000)
                .add("p99Micros", latencies[Math.min(calls - 1, (int) Math.ceil(calls * 0.99) - 1)] / 1_000)
                .add("requestsPerSecond", calls / (elapsed / 1e9))
                .build();
    }

    private Runnable rpcCall(long userId) {
        UserService users = clients.control(UserService.class);
        return () -> users.getById(userId);
    }

    private Runnable bareCall(long userId) {
        BareEndpoint bare = RestClientBuilder.newBuilder().baseUri(settings.controlAddress())
                .connectTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(BareEndpoint.class);
        byte[] body = ("{\"userId\":" + userId + "}").getBytes(StandardCharsets.UTF_8);
        return () -> {
            try (Response response = bare.getById(body)) {
                if (response.getStatus() != 200) {
                    throw new IllegalStateException("bare call answered " + response.getStatus());
                }
                JSONB.fromJson(new String(response.readEntity(byte[].class), StandardCharsets.UTF_8),
                        io.silo.common.rpc.user.RpcUser.class);
            }
        };
    }
}
