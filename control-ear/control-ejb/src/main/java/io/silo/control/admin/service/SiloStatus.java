package io.silo.control.admin.service;

import java.time.Instant;
import java.util.List;

/**
 * How one silo is doing, as the regions page shows it: {@code status} is {@code UP} when every readiness check
 * passes, else {@code DOWN}; {@code failing} says what, in words, and since when this control instance has seen it.
 */
public record SiloStatus(String name, String kind, String status, String version, List<Check> checks,
                         List<Failure> failing, long latencyMillis, Instant checkedAt) {

    /** One readiness check (database, broker, …) and what it reported. */
    public record Check(String name, String status, String detail) {
    }

    /** Something failing, and since when it has been failing. */
    public record Failure(String what, Instant since) {
    }
}
