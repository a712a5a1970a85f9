package io.silo.control.gateway.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.Locale;

/**
 * A region's answer body as its framing delimits it on the connection: {@code Content-Length} bytes, chunked
 * (decoded here, trailers skipped), or everything until the region closes. Read to its end, it hands the
 * connection back for reuse when the region keeps it open; closed before its end, it closes the connection, whose
 * unread rest would otherwise be taken for the next answer.
 */
final class RegionAnswerBody extends InputStream {

    /** What becomes of the connection once the body is done with. */
    interface Ending {
        void ended(boolean reusable);
    }

    private static final long UNTIL_CLOSE = -1;
    private static final long CHUNKED = -2;

    private final InputStream in;
    private final boolean keepAlive;
    private final Ending ending;
    private final boolean chunked;
    /** Bytes left in the body (Content-Length) or in the current chunk; {@link #UNTIL_CLOSE} for a closing body. */
    private long remaining;
    private boolean atEnd;
    private boolean done;

    private RegionAnswerBody(InputStream in, long length, boolean keepAlive, Ending ending) {
        this.in = in;
        this.keepAlive = keepAlive;
        this.ending = ending;
        this.chunked = length == CHUNKED;
        this.remaining = chunked ? 0 : length;
        this.atEnd = length == 0;
    }

    /**
     * The body that follows {@code head} on {@code in}; empty for an answer to HEAD and for 204 and 304.
     * {@code keepAlive} says whether the connection may serve another request after it.
     */
    static RegionAnswerBody of(RegionAnswerHead head, boolean headRequest, InputStream in, Ending ending) throws IOException {
        boolean keepAlive = !ProxyHeaders.namedByConnection(head.all("Connection")).contains("close");
        if (headRequest || head.status() == 204 || head.status() == 304) {
            return finish(new RegionAnswerBody(in, 0, keepAlive, ending));
        }
        String transferEncoding = head.first("Transfer-Encoding");
        if (transferEncoding != null) {
            if (!transferEncoding.toLowerCase(Locale.ROOT).endsWith("chunked")) {
                return new RegionAnswerBody(in, UNTIL_CLOSE, false, ending);
            }
            return new RegionAnswerBody(in, CHUNKED, keepAlive, ending);
        }
        String length = head.first("Content-Length");
        if (length == null) {
            return new RegionAnswerBody(in, UNTIL_CLOSE, false, ending);
        }
        try {
            long bytes = Long.parseLong(length.strip());
            if (bytes < 0) {
                throw new NumberFormatException();
            }
            return finish(new RegionAnswerBody(in, bytes, keepAlive, ending));
        } catch (NumberFormatException e) {
            throw new ProtocolException("Bad Content-Length from the region: " + length);
        }
    }

    private static RegionAnswerBody finish(RegionAnswerBody body) {
        if (body.atEnd) {
            body.end(true);
        }
        return body;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (chunked && remaining == 0 && !atEnd) {
            nextChunk();
        }
        if (atEnd) {
            return -1;
        }
        int wanted = remaining == UNTIL_CLOSE ? length : (int) Math.min(length, remaining);
        int read = in.read(buffer, offset, wanted);
        if (read < 0) {
            if (remaining == UNTIL_CLOSE) {
                atEnd = true;
                end(false);
                return -1;
            }
            end(false);
            throw new EOFException("The region closed the connection within an answer's body");
        }
        if (remaining != UNTIL_CLOSE) {
            remaining -= read;
            if (remaining == 0 && !chunked) {
                atEnd = true;
                end(true);
            }
        }
        return read;
    }

    @Override
    public int available() throws IOException {
        return atEnd ? 0 : remaining == UNTIL_CLOSE ? in.available() : (int) Math.min(in.available(), remaining);
    }

    /** Reads the CRLF that ends the chunk before, if any, and the next chunk's size line; size 0 ends the body. */
    private void nextChunk() throws IOException {
        int[] budget = {64 * 1024};
        String sizeLine = RegionAnswerHead.line(in, budget);
        if (sizeLine.isEmpty()) {
            sizeLine = RegionAnswerHead.line(in, budget);
        }
        int extension = sizeLine.indexOf(';');
        String size = (extension >= 0 ? sizeLine.substring(0, extension) : sizeLine).strip();
        try {
            remaining = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            end(false);
            throw new ProtocolException("Bad chunk size from the region: " + sizeLine);
        }
        if (remaining < 0) {
            end(false);
            throw new ProtocolException("Bad chunk size from the region: " + sizeLine);
        }
        if (remaining == 0) {
            while (!RegionAnswerHead.line(in, budget).isEmpty()) {
                // trailers end at a blank line; the gateway does not pass them on
            }
            atEnd = true;
            end(true);
        }
    }

    @Override
    public void close() {
        end(false);
    }

    private void end(boolean complete) {
        if (!done) {
            done = true;
            ending.ended(complete && keepAlive);
        }
    }
}
