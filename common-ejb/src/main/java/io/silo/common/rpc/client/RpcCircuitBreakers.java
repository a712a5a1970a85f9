package io.silo.common.rpc.client;

import io.silo.common.rpc.RpcCircuitOpenException;
import io.silo.common.rpc.RpcSettings;
import io.silo.common.silo.AllSilos;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per target silo (MicroProfile Fault Tolerance keeps one per method, which would let a
 * failing region stop calls to every other). After {@code silo.rpc.circuit.failures} consecutive failed
 * attempts a target's circuit opens for {@code silo.rpc.circuit.open-for}; then one call may try again.
 */
@ApplicationScoped
@AllSilos
public class RpcCircuitBreakers {

    @Inject
    RpcSettings settings;

    private static final class Circuit {
        int failures;
        long openUntilNanos;
        boolean trialRunning;
    }

    private final Map<String, Circuit> circuits = new ConcurrentHashMap<>();

    /** @throws RpcCircuitOpenException when the target's circuit is open */
    public void beforeAttempt(String target) {
        Circuit circuit = circuits.computeIfAbsent(target, name -> new Circuit());
        synchronized (circuit) {
            if (circuit.failures < settings.circuitFailures()) {
                return;
            }
            long now = System.nanoTime();
            if (now - circuit.openUntilNanos < 0 || circuit.trialRunning) {
                throw new RpcCircuitOpenException("The circuit to " + target + " is open after " + circuit.failures
                        + " failed attempts; calls fail at once for up to " + settings.circuitOpenFor().toSeconds() + " s");
            }
            circuit.trialRunning = true;
        }
    }

    public void succeeded(String target) {
        Circuit circuit = circuits.get(target);
        if (circuit != null) {
            synchronized (circuit) {
                circuit.failures = 0;
                circuit.trialRunning = false;
            }
        }
    }

    public void failed(String target) {
        Circuit circuit = circuits.computeIfAbsent(target, name -> new Circuit());
        synchronized (circuit) {
            circuit.failures++;
            circuit.trialRunning = false;
            if (circuit.failures >= settings.circuitFailures()) {
                circuit.openUntilNanos = System.nanoTime() + settings.circuitOpenFor().toNanos();
            }
        }
    }
}
