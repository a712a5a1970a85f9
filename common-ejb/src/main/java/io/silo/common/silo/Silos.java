package io.silo.common.silo;

import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The silo mode code runs in. On a server it is {@code silo.mode} from configuration; a test (or a
 * simulation of an RPC) may step into another silo on the current thread with {@link #runAs}.
 */
public final class Silos {

    private static final ThreadLocal<SiloMode> OVERRIDE = new ThreadLocal<>();
    private static volatile SiloMode configured;

    private Silos() {
    }

    public static SiloMode currentMode() {
        SiloMode stepped = OVERRIDE.get();
        return stepped != null ? stepped : configuredMode();
    }

    private static SiloMode configuredMode() {
        SiloMode mode = configured;
        if (mode == null) {
            mode = ConfigProvider.getConfig().getOptionalValue("silo.mode", SiloMode.class).orElse(SiloMode.MONOLITH);
            configured = mode;
        }
        return mode;
    }

    /** Runs {@code work} as if this thread were on a server in {@code mode}, then steps back. */
    public static <T> T runAs(SiloMode mode, Callable<T> work) throws Exception {
        try (Scope ignored = stepInto(mode)) {
            return work.call();
        }
    }

    /** {@link #runAs(SiloMode, Callable)} for work without a result or checked exceptions. */
    public static void runAs(SiloMode mode, Runnable work) {
        try {
            runAs(mode, () -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Steps this thread into {@code mode} until the returned scope is closed (for test extensions). */
    public static Scope stepInto(SiloMode mode) {
        SiloMode previous = OVERRIDE.get();
        OVERRIDE.set(mode);
        return () -> {
            if (previous == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(previous);
            }
        };
    }

    /** Leaves the mode entered with {@link #stepInto}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Enforces the silo limit of {@code type} for the current mode. */
    public static void check(Class<?> type, String member) {
        SiloLimit.check(type, member, currentMode());
    }
}
