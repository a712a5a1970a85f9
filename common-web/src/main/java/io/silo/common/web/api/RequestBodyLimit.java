package io.silo.common.web.api;

import io.silo.common.web.ApiException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses REST API bodies over {@code silo.api.max-body-bytes} (1 MiB) and provider webhooks
 * ({@code /extensions/…}) over {@code silo.integrations.webhook-max-bytes} (25 MiB, GitHub's own cap on a
 * webhook's payload) with 413, by their declared length before reading anything and, for chunked bodies, as soon
 * as the stream passes the limit, so nothing is verified or stored from an oversized body. SDK ingestion
 * ({@code /api/<project>/…}) is not under {@code /api/0/} and sets its own limits.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class RequestBodyLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "silo.api.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    /** GitHub's own cap on a webhook payload. */
    private static final long DEFAULT_WEBHOOK_MAX_BYTES = 25L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        long limit;
        String of;
        if (path.startsWith("api/0/")) {
            limit = maxBodyBytes;
            of = "this API (silo.api.max-body-bytes)";
        } else if (path.startsWith("extensions/")) {
            // read per webhook (live config, cached 5 s): an operator can change it without a restart
            limit = ConfigProvider.getConfig().getOptionalValue("silo.integrations.webhook-max-bytes", Long.class)
                    .orElse(DEFAULT_WEBHOOK_MAX_BYTES);
            of = "webhooks (silo.integrations.webhook-max-bytes)";
        } else {
            return;
        }
        if (request.getLength() > limit) {
            throw tooLarge(limit, of);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), limit, of));
        }
    }

    private static ApiException tooLarge(long limit, String of) {
        return new ApiException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than " + limit + " bytes, the limit of " + of);
    }

    private static final class LimitedStream extends FilterInputStream {

        private final long limit;
        private final String of;
        private long remaining;

        LimitedStream(InputStream in, long limit, String of) {
            super(in);
            this.limit = limit;
            this.of = of;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int bytes) {
            remaining -= bytes;
            if (remaining < 0) {
                throw tooLarge(limit, of);
            }
        }
    }
}
