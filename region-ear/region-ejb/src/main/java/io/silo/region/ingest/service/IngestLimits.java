package io.silo.region.ingest.service;

import io.silo.common.silo.RegionSilo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Size limits of SDK ingestion; a request over any of them is answered 413 without reading further. */
@ApplicationScoped
@RegionSilo
public class IngestLimits {

    /** A request body as sent (compressed or not). */
    @Inject
    @ConfigProperty(name = "silo.ingest.max-body-bytes", defaultValue = "20971520")
    long maxBodyBytes;

    /** A body after gzip, deflate or Brotli decoding. */
    @Inject
    @ConfigProperty(name = "silo.ingest.max-decompressed-bytes", defaultValue = "52428800")
    long maxDecompressedBytes;

    /** One event (a store body, an envelope's event or transaction item). */
    @Inject
    @ConfigProperty(name = "silo.ingest.max-event-bytes", defaultValue = "1048576")
    long maxEventBytes;

    /** One attachment item. */
    @Inject
    @ConfigProperty(name = "silo.ingest.max-attachment-bytes", defaultValue = "10485760")
    long maxAttachmentBytes;

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public long maxDecompressedBytes() {
        return maxDecompressedBytes;
    }

    public long maxEventBytes() {
        return maxEventBytes;
    }

    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }
}
