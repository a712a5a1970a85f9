package io.silo.region.event.service;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider of ingestion, looked up once: {@code Json.createReader} and the other {@code Json}
 * factories look it up again on every call (a service-loader scan of the application's jars), which the
 * ingestion benchmark's profile showed as the largest single cost of storing an event.
 */
public final class EventJson {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private EventJson() {
    }
}
