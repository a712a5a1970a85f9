package io.silo.common.silo;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Where a class may be used, read from its silo annotation, and the check every enforcement point makes. */
public final class SiloLimit {

    private SiloLimit() {
    }

    /** The modes a class is available in; empty when it carries no silo annotation. */
    public static Set<SiloMode> availableModes(Class<?> type) {
        Class<?> annotated = annotatedClass(type);
        if (annotated == null) {
            return EnumSet.noneOf(SiloMode.class);
        }
        if (annotated.isAnnotationPresent(ControlSilo.class)) {
            return EnumSet.of(SiloMode.MONOLITH, SiloMode.CONTROL);
        }
        if (annotated.isAnnotationPresent(RegionSilo.class)) {
            return EnumSet.of(SiloMode.MONOLITH, SiloMode.REGION);
        }
        return EnumSet.allOf(SiloMode.class);
    }

    /** Whether {@code type} may be used on a server in {@code current} mode; MONOLITH refuses nothing. */
    public static boolean isAvailable(Class<?> type, SiloMode current) {
        return current == SiloMode.MONOLITH || availableModes(type).contains(current);
    }

    /**
     * Refuses a use of {@code type} outside its silo.
     *
     * @param member the method or operation named in the error, e.g. {@code findByEmail} or {@code load}
     * @throws SiloUnavailableException naming the class, the member, the current mode and where it is available
     */
    public static void check(Class<?> type, String member, SiloMode current) {
        if (isAvailable(type, current)) {
            return;
        }
        Set<SiloMode> available = availableModes(type);
        Class<?> annotated = annotatedClass(type);
        String name = (annotated == null ? type : annotated).getSimpleName();
        String where = available.isEmpty() ? "nowhere (it has no silo annotation)"
                : Arrays.stream(SiloMode.values()).filter(available::contains).map(Enum::name)
                        .collect(Collectors.joining(", "));
        throw new SiloUnavailableException("Called " + name + "." + member + " on a server in " + current
                + " mode. Available only in: " + where);
    }

    /** Proxies and subclasses (CDI, EJB, EclipseLink weaving) point back to the class that carries the annotation. */
    private static Class<?> annotatedClass(Class<?> type) {
        for (Class<?> candidate = type; candidate != null && candidate != Object.class; candidate = candidate.getSuperclass()) {
            if (candidate.isAnnotationPresent(ControlSilo.class) || candidate.isAnnotationPresent(RegionSilo.class)
                    || candidate.isAnnotationPresent(AllSilos.class)) {
                return candidate;
            }
        }
        return null;
    }
}
