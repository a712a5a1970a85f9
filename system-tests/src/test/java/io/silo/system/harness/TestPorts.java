package io.silo.system.harness;

/**
 * Test ports are fixed per topology, shifted by {@code -Dsilo.test.portOffset} so that two checkouts
 * can run the suite side by side on one machine without their servers colliding.
 */
public final class TestPorts {

    private static final int OFFSET = Integer.getInteger("silo.test.portOffset", 0);

    private TestPorts() {
    }

    public static int port(int base) {
        return base + OFFSET;
    }

    public static String portArgument(int base) {
        return String.valueOf(port(base));
    }
}
