package io.silo.common.outbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record in common-ejb that travels between silos through the outbox. Its components are
 * only records, enums, primitives, String and java.time values (checked by the architecture tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OutboxPayload {
}
