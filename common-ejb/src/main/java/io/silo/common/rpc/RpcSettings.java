package io.silo.common.rpc;

import io.silo.common.rpc.signing.RpcKeys;
import io.silo.common.silo.AllSilos;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * RPC configuration, all in one place:
 * <pre>
 * silo.rpc.keys=k2:secret,k1:older-secret     the first signs, all verify (the launcher generates one)
 * silo.rpc.max-clock-skew=PT30S               calls signed further in the past or future are refused
 * silo.rpc.timeout=PT5S                        a call's budget, retries included
 * silo.rpc.circuit.failures=5                  consecutive failures that open a target silo's circuit
 * silo.rpc.circuit.open-for=PT10S              how long an open circuit fails calls at once
 * silo.rpc.disabled=user.listByIds,replica.*@eu kill switch: service.method or service.*, optionally @region
 * silo.control.address=http://127.0.0.1:8080  where regions reach control (the launcher sets it)
 * </pre>
 * {@code silo.rpc.disabled} is read again at most once a second, so a config source that changes at run time
 * applies within a second.
 */
@ApplicationScoped
@AllSilos
public class RpcSettings {

    @Inject
    @ConfigProperty(name = "silo.rpc.keys")
    Optional<String> keyList;

    @Inject
    @ConfigProperty(name = "silo.rpc.max-clock-skew", defaultValue = "PT30S")
    Duration maxClockSkew;

    @Inject
    @ConfigProperty(name = "silo.rpc.timeout", defaultValue = "PT5S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "silo.rpc.circuit.failures", defaultValue = "5")
    int circuitFailures;

    @Inject
    @ConfigProperty(name = "silo.rpc.circuit.open-for", defaultValue = "PT10S")
    Duration circuitOpenFor;

    @Inject
    @ConfigProperty(name = "silo.control.address")
    Optional<String> controlAddress;

    private volatile String disabledList = "";
    private volatile long disabledReadAtNanos = System.nanoTime() - 2_000_000_000L;

    private RpcKeys keys;
    private String keyProblem;

    @PostConstruct
    void parseKeys() {
        try {
            keys = RpcKeys.parse(keyList.filter(list -> !list.isBlank())
                    .orElseThrow(() -> new IllegalArgumentException("silo.rpc.keys is not set")));
        } catch (IllegalArgumentException e) {
            keyProblem = e.getMessage();
        }
    }

    /** @throws RpcException REFUSED when the key list is missing or malformed: no call can be signed or verified */
    public RpcKeys keys() {
        if (keys == null) {
            throw new RpcException(RpcException.Kind.REFUSED, "RPC is not configured: " + keyProblem);
        }
        return keys;
    }

    public Duration maxClockSkew() {
        return maxClockSkew;
    }

    public Duration timeout() {
        return timeout;
    }

    public int circuitFailures() {
        return circuitFailures;
    }

    public Duration circuitOpenFor() {
        return circuitOpenFor;
    }

    public URI controlAddress() {
        return URI.create(controlAddress.orElseThrow(() -> new RpcException(RpcException.Kind.UNAVAILABLE,
                "silo.control.address is not set: this region cannot reach control")));
    }

    /** Whether the kill switch {@code silo.rpc.disabled} names this method, for calls to {@code target}. */
    public boolean disabled(RpcMethod method, String target) {
        if (System.nanoTime() - disabledReadAtNanos > 1_000_000_000L) {
            disabledList = ConfigProvider.getConfig().getOptionalValue("silo.rpc.disabled", String.class).orElse("");
            disabledReadAtNanos = System.nanoTime();
        }
        String list = disabledList;
        if (list.isEmpty()) {
            return false;
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(entry -> !entry.isEmpty())
                .anyMatch(entry -> matches(entry, method, target));
    }

    static boolean matches(String entry, RpcMethod method, String target) {
        int at = entry.indexOf('@');
        if (at >= 0 && !entry.substring(at + 1).equals(target)) {
            return false;
        }
        String name = at >= 0 ? entry.substring(0, at) : entry;
        return name.equals(method.qualifiedName()) || name.equals(method.service() + ".*");
    }
}
