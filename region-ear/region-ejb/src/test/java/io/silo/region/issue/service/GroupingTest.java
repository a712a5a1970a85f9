package io.silo.region.issue.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.silo.region.issue.service.Grouping.GroupingException;
import io.silo.region.issue.service.Grouping.GroupingFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupingTest {

    private static final List<GroupingFrame> FRAMES = List.of(new GroupingFrame("java.lang.Thread", "run", false),
            new GroupingFrame("com.example.Checkout", "pay", true));

    @Test
    void numbersHexIdsAndUuidsAreTakenOutOfMessages() {
        assertEquals("Order <int> failed for cart <hex> (session <uuid>, took <int> ms, trace <hex>)",
                Grouping.stripVariableParts("Order 17 failed for cart 0x1F3a (session 6f1c2d3e-1a2b-4c3d-8e9f-001122334455,"
                        + " took 2.5 ms, trace deadbeef00112233)"));
    }

    @Test
    void wordsThatLookHexadecimalStay() {
        assertEquals("facade decade", Grouping.stripVariableParts("facade decade"));
    }

    @Test
    void exceptionsGroupByTypeAndInAppFramesNotByValue() {
        String first = Grouping.hash(Grouping.defaultComponents(
                List.of(new GroupingException("IOException", "timed out after 30 ms", FRAMES)), null));
        String second = Grouping.hash(Grouping.defaultComponents(
                List.of(new GroupingException("IOException", "connection reset", FRAMES)), null));
        String otherFrame = Grouping.hash(Grouping.defaultComponents(List.of(new GroupingException("IOException",
                "connection reset", List.of(new GroupingFrame("com.example.Checkout", "refund", true)))), null));
        assertEquals(first, second);
        assertNotEquals(first, otherFrame);
        assertEquals(List.of("type:IOException", "frame:com.example.Checkout:pay"),
                Grouping.defaultComponents(List.of(new GroupingException("IOException", "x", FRAMES)), null));
    }

    @Test
    void allFramesCountWhenNoneIsInApp() {
        assertEquals(List.of("type:E", "frame:a:f", "frame:b:g"), Grouping.defaultComponents(List.of(
                new GroupingException("E", "v", List.of(new GroupingFrame("a", "f", false),
                        new GroupingFrame("b", "g", false)))), null));
    }

    @Test
    void aFingerprintReplacesTheDefaultUnlessItNamesIt() {
        List<String> defaults = List.of("message:hello");
        assertEquals(List.of("fingerprint:db"), Grouping.components(List.of("db"), defaults));
        assertEquals(List.of("fingerprint:db", "message:hello"), Grouping.components(List.of("db", "{{ default }}"),
                defaults));
        assertEquals(defaults, Grouping.components(List.of(), defaults));
        assertEquals(64, Grouping.hash(defaults).length());
    }
}
