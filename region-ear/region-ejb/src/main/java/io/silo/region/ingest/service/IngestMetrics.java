package io.silo.region.ingest.service;

import io.silo.common.silo.RegionSilo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Ingestion as MicroProfile Metrics: {@code silo_ingest_items_total{type, outcome}} counts the envelope items
 * (and store bodies, as {@code event}) of accepted requests by item type: {@code stored} (events),
 * {@code accepted} (counted, not kept: transactions, sessions, attachments, reports…) and {@code discarded}
 * (an item type this server does not know, counted as {@code type="unknown"} so a client cannot invent label
 * values). Refused requests are counted by status in {@code silo_ingest_refused_total{status}}.
 */
@ApplicationScoped
@RegionSilo
public class IngestMetrics {

    /** The envelope item types of the Sentry SDKs that are accepted; any other is discarded. */
    public static final Set<String> KNOWN_TYPES = Set.of("event", "transaction", "attachment", "session",
            "sessions", "client_report", "user_report", "feedback", "profile", "profile_chunk", "replay_event",
            "replay_recording", "replay_video", "check_in", "statsd", "metric_meta", "span", "log", "otel_log",
            "trace_metric");

    @Inject
    MetricRegistry registry;

    public void stored(String type) {
        item(type, "stored");
    }

    public void accepted(String type) {
        item(type, "accepted");
    }

    public void discarded() {
        item("unknown", "discarded");
    }

    public void refused(int status) {
        registry.counter("silo_ingest_refused", new Tag("status", String.valueOf(status))).inc();
    }

    private void item(String type, String outcome) {
        registry.counter("silo_ingest_items", new Tag("type", type), new Tag("outcome", outcome)).inc();
    }
}
