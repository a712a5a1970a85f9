package io.silo.control.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxyHeadersTest {

    @Test
    void hopByHopHeadersAndThoseConnectionNamesAreNotForwarded() {
        Set<String> named = ProxyHeaders.namedByConnection(List.of("close, X-Hop", "Keep-Alive"));
        assertEquals(Set.of("close", "x-hop", "keep-alive"), named);
        for (String header : List.of("Connection", "Keep-Alive", "Proxy-Authorization", "TE", "Trailer",
                "Transfer-Encoding", "Upgrade", "Host", "X-Hop", "Cookie", "Content-Length", "X-Forwarded-For")) {
            assertFalse(ProxyHeaders.forwardsRequestHeader(header, named), header);
        }
        for (String header : List.of("Authorization", "Accept", "Content-Type", "X-Sentry-Auth", "User-Agent")) {
            assertTrue(ProxyHeaders.forwardsRequestHeader(header, named), header);
        }
        assertTrue(ProxyHeaders.copiesResponseHeader("Content-Length", Set.of()));
        assertFalse(ProxyHeaders.copiesResponseHeader("Transfer-Encoding", Set.of()));
    }

    @Test
    void forwardedForIsAppended() {
        assertEquals("10.0.0.1", ProxyHeaders.appendForwardedFor(null, "10.0.0.1"));
        assertEquals("203.0.113.7, 10.0.0.1", ProxyHeaders.appendForwardedFor("203.0.113.7", "10.0.0.1"));
    }

    @Test
    void linkUrlsOnTheRegionsAddressMoveToThePublicOne() {
        String link = "<http://127.0.0.1:8082/api/0/organizations/a/issues/?cursor=1:0:1>; rel=\"previous\"; results=\"false\", "
                + "<http://127.0.0.1:8082/api/0/organizations/a/issues/?cursor=2:1:0>; rel=\"next\"; results=\"true\"";
        assertEquals(link.replace("http://127.0.0.1:8082", "https://silo.example.com"),
                ProxyHeaders.rewrite(link, "http://127.0.0.1:8082", "https://silo.example.com"));
        assertEquals("http://127.0.0.1:80821/x", ProxyHeaders.rewrite("http://127.0.0.1:80821/x", "http://127.0.0.1:8082",
                "https://silo.example.com"), "another port is another address");
        assertEquals("https://elsewhere.example/x", ProxyHeaders.rewrite("https://elsewhere.example/x",
                "http://127.0.0.1:8082", "https://silo.example.com"));
    }

    @Test
    void headersThatWouldBreakTheRequestHeadAreNotValid() {
        assertTrue(ProxyHeaders.isValid("X-Trace", "a\tb c, d=\u00e9"));
        assertFalse(ProxyHeaders.isValid("X-Trace", "a\r\nX-Injected: 1"));
        assertFalse(ProxyHeaders.isValid("X-Trace", "\u20ac"));
        assertFalse(ProxyHeaders.isValid("X Trace", "a"));
        assertFalse(ProxyHeaders.isValid("X-Trace:", "a"));
        assertFalse(ProxyHeaders.isValid("", "a"));
    }
}
