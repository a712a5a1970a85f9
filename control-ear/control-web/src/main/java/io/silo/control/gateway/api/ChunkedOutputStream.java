package io.silo.control.gateway.api;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request body of unknown length sent to a region in HTTP/1.1 chunked framing: each write is one chunk, and
 * {@link #finish()} sends the last, empty one. It does not close the connection under it.
 */
final class ChunkedOutputStream extends FilterOutputStream {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};

    ChunkedOutputStream(OutputStream connection) {
        super(connection);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        out.write(Integer.toHexString(length).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.write(bytes, offset, length);
        out.write(CRLF);
    }

    void finish() throws IOException {
        out.write(LAST_CHUNK);
    }

    @Override
    public void close() {
        // the connection outlives the body
    }
}
