package io.silo.common.outbox;

import io.silo.common.silo.Silos;
import java.util.List;

/**
 * The two outbox tables: control's, toward the regions (one row per destination region), and each
 * region's, toward control. Both live in their silo's schema, so a MONOLITH database holds both.
 */
public enum OutboxTable {
    CONTROL("control.control_outbox", "destination"),
    REGION("region.region_outbox", "'control'");

    private final String qualifiedName;
    private final String destinationColumn;

    OutboxTable(String qualifiedName, String destinationColumn) {
        this.qualifiedName = qualifiedName;
        this.destinationColumn = destinationColumn;
    }

    public String qualifiedName() {
        return qualifiedName;
    }

    /** SQL for a row's destination: a region name in control's table, the constant {@code control} in a region's. */
    public String destinationColumn() {
        return destinationColumn;
    }

    /** The outbox tables of this server's silo: control's, a region's, or both in a MONOLITH. */
    public static List<OutboxTable> onThisServer() {
        return switch (Silos.currentMode()) {
            case CONTROL -> List.of(CONTROL);
            case REGION -> List.of(REGION);
            case MONOLITH -> List.of(CONTROL, REGION);
        };
    }

    public static OutboxTable holding(OutboxCategory category) {
        return category.destination() == OutboxDestination.REGIONS ? CONTROL : REGION;
    }

    /**
     * The Artemis queue a destination's consumers listen on, on the destination silo's own broker:
     * {@code silo.outbox.control} or {@code silo.outbox.region-<name>}.
     */
    public static String queueOf(String destination) {
        return "silo.outbox." + (destination.equals("control") ? "control" : "region-" + destination);
    }
}
