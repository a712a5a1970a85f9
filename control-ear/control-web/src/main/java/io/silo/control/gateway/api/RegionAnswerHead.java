package io.silo.control.gateway.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The status line and headers of a region's HTTP/1.1 answer, in the order the region sent them.
 *
 * @param headers name and value pairs; a header sent twice appears twice
 */
record RegionAnswerHead(int status, List<Header> headers) {

    private static final int MAX_HEAD = 64 * 1024;

    record Header(String name, String value) {
    }

    /**
     * Reads one answer head, up to and including its blank line. An interim answer (1xx other than 101) is skipped:
     * the final one follows it.
     */
    static RegionAnswerHead read(InputStream in) throws IOException {
        RegionAnswerHead head;
        do {
            head = readOne(in);
        } while (head.status() >= 100 && head.status() < 200 && head.status() != 101);
        return head;
    }

    private static RegionAnswerHead readOne(InputStream in) throws IOException {
        int[] budget = {MAX_HEAD};
        String statusLine = line(in, budget);
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new ProtocolException("Not an HTTP/1.x status line: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(statusLine, 9, 12, 10);
        } catch (NumberFormatException e) {
            throw new ProtocolException("Bad status in: " + statusLine);
        }
        List<Header> headers = new ArrayList<>(16);
        String line;
        while (!(line = line(in, budget)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("Bad header line: " + line);
            }
            headers.add(new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return new RegionAnswerHead(status, headers);
    }

    /** The first value of the header {@code name} (any case), or null. */
    String first(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** Every value of the header {@code name} (any case). */
    List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** Reads a line ended by CRLF (or a bare LF), without its end; ISO-8859-1 as HTTP header bytes are. */
    static String line(InputStream in, int[] budget) throws IOException {
        byte[] bytes = new byte[128];
        int length = 0;
        int next;
        while ((next = in.read()) != '\n') {
            if (next < 0) {
                throw new EOFException("The region closed the connection within an answer's head");
            }
            if (--budget[0] < 0) {
                throw new ProtocolException("Answer head longer than " + MAX_HEAD + " bytes");
            }
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, length * 2);
            }
            bytes[length++] = (byte) next;
        }
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
