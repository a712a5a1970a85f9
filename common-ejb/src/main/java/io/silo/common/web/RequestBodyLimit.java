package io.silo.common.web;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses REST API bodies over {@code silo.api.max-body-bytes} with 413, by their declared length before
 * reading anything and, for chunked bodies, as soon as the stream passes the limit. SDK ingestion
 * ({@code /api/<project>/…}) is not under {@code /api/0/} and sets its own limits.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class RequestBodyLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "silo.api.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("api/0/")) {
            return;
        }
        if (request.getLength() > maxBodyBytes) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBodyBytes));
        }
    }

    private ApiException tooLarge() {
        return new ApiException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than " + maxBodyBytes + " bytes, the limit of this API");
    }

    private final class LimitedStream extends FilterInputStream {

        private long remaining;

        LimitedStream(InputStream in, long limit) {
            super(in);
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
                throw tooLarge();
            }
        }
    }
}
