package io.silo.system.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class gets {@link Topology#outbox()}: control (two instances) + us + eu, brokers redelivering
 * within a second. Tests may kill, stop and restart its components; {@link Topology#up()} starts what is missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TopologyExtension.class)
public @interface OutboxTopologyTest {
}
