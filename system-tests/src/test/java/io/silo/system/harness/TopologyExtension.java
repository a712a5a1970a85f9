package io.silo.system.harness;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a running topology. Each topology starts once per suite through the launcher; at most
 * one runs at a time (the machine has two cores), so asking for the other kind stops the current one.
 * The last one stops when the suite ends.
 */
public class TopologyExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TopologyExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Topology.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Topology.Kind wanted = testClass.isAnnotationPresent(MonolithTopologyTest.class) ? Topology.Kind.MONOLITH
                : testClass.isAnnotationPresent(OutboxTopologyTest.class) ? Topology.Kind.OUTBOX : Topology.Kind.SPLIT;
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        synchronized (TopologyExtension.class) {
            RunningTopology running = store.get(RunningTopology.class, RunningTopology.class);
            if (running != null && running.topology().kind() == wanted) {
                return running.topology();
            }
            if (running != null) {
                store.remove(RunningTopology.class);
                running.close();
            }
            Topology topology = switch (wanted) {
                case SPLIT -> Topology.split();
                case MONOLITH -> Topology.monolith();
                case OUTBOX -> Topology.outbox();
            };
            ProcessResult started = topology.up();
            if (started.exitCode() != 0) {
                topology.down();
                throw new IllegalStateException("./silo up failed (" + started.exitCode() + "): " + started.stderr());
            }
            store.put(RunningTopology.class, new RunningTopology(topology));
            return topology;
        }
    }

    /** Stops its topology when the suite's root context closes. */
    record RunningTopology(Topology topology) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            topology.down();
        }
    }
}
