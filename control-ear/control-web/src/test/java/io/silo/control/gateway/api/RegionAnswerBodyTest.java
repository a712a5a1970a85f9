package io.silo.control.gateway.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionAnswerBodyTest {

    private final List<Boolean> endings = new ArrayList<>();

    @Test
    void aContentLengthBodyEndsAtItsLengthAndLeavesTheConnectionReusable() throws IOException {
        InputStream connection = wire("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 204 No Content\r\n\r\n");
        RegionAnswerBody body = body(RegionAnswerHead.read(connection), false, connection);
        assertEquals("hello", new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
        assertEquals(List.of(true), endings);
        assertEquals(204, RegionAnswerHead.read(connection).status());
    }

    @Test
    void aChunkedBodyIsDecodedAndItsTrailersSkipped() throws IOException {
        InputStream connection = wire("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\nnext");
        RegionAnswerBody body = body(RegionAnswerHead.read(connection), false, connection);
        assertEquals("hello, world", new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
        assertEquals(List.of(true), endings);
        assertEquals("next", new String(connection.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void anAnswerWithoutFramingLastsUntilTheRegionClosesAndEndsTheConnection() throws IOException {
        InputStream connection = wire("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it");
        RegionAnswerBody body = body(RegionAnswerHead.read(connection), false, connection);
        assertEquals("all of it", new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
        assertEquals(List.of(false), endings);
    }

    @Test
    void connectionCloseIsNotReused() throws IOException {
        InputStream connection = wire("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
        body(RegionAnswerHead.read(connection), false, connection).readAllBytes();
        assertEquals(List.of(false), endings);
    }

    @Test
    void answersToHeadAnd204HaveNoBodyWhateverTheirLength() throws IOException {
        InputStream connection = wire("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nHTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\n");
        assertEquals(-1, body(RegionAnswerHead.read(connection), true, connection).read());
        assertEquals(-1, body(RegionAnswerHead.read(connection), false, connection).read());
        assertEquals(List.of(true, true), endings);
    }

    @Test
    void aBodyClosedBeforeItsEndClosesTheConnection() throws IOException {
        InputStream connection = wire("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789");
        RegionAnswerBody body = body(RegionAnswerHead.read(connection), false, connection);
        assertEquals('0', body.read());
        body.close();
        body.close();
        assertEquals(List.of(false), endings);
    }

    @Test
    void aBodyCutShortByTheRegionIsAnError() throws IOException {
        InputStream connection = wire("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n01234");
        RegionAnswerBody body = body(RegionAnswerHead.read(connection), false, connection);
        assertThrows(EOFException.class, body::readAllBytes);
        assertEquals(List.of(false), endings);
    }

    @Test
    void interimAnswersAreSkippedAndHeadersKeptInOrder() throws IOException {
        RegionAnswerHead head = RegionAnswerHead.read(wire("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\n"
                + "Link: <a>\r\nlink:  <b> \r\nLocation: /x\r\n\r\n"));
        assertEquals(201, head.status());
        assertEquals(List.of("<a>", "<b>"), head.all("Link"));
        assertEquals("/x", head.first("location"));
        assertEquals(List.of("Link", "link", "Location"), head.headers().stream().map(RegionAnswerHead.Header::name).toList());
    }

    @Test
    void aChunkedRequestBodyEndsWithTheLastChunk() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ChunkedOutputStream chunked = new ChunkedOutputStream(wire);
        new ByteArrayInputStream("hello, world".getBytes(StandardCharsets.US_ASCII)).transferTo(chunked);
        chunked.write(new byte[0], 0, 0);
        chunked.finish();
        assertArrayEquals("c\r\nhello, world\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), wire.toByteArray());
    }

    private RegionAnswerBody body(RegionAnswerHead head, boolean headRequest, InputStream connection) throws IOException {
        return RegionAnswerBody.of(head, headRequest, connection, endings::add);
    }

    private static InputStream wire(String bytes) {
        return new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }
}
