package io.silo.testkit;

import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs every test of a class once per silo mode, as the seeds' "silo stable" tests do: once in
 * MONOLITH and once in the class's own silo with enforcement on. Reports name each run by its mode.
 */
public class SiloModeTemplates implements ClassTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SiloModeTemplates.class);

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return !modes(context.getRequiredTestClass()).isEmpty();
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        return modes(context.getRequiredTestClass()).stream().map(ModeInvocation::new);
    }

    static List<SiloMode> modes(Class<?> testClass) {
        if (testClass.isAnnotationPresent(ControlSiloTest.class)) {
            return List.of(SiloMode.MONOLITH, SiloMode.CONTROL);
        }
        if (testClass.isAnnotationPresent(RegionSiloTest.class)) {
            return List.of(SiloMode.MONOLITH, SiloMode.REGION);
        }
        if (testClass.isAnnotationPresent(AllSiloTest.class)) {
            return List.of(SiloMode.MONOLITH, SiloMode.CONTROL, SiloMode.REGION);
        }
        return List.of();
    }

    /** One run of the class in one mode: each test steps into the mode before it and out after it. */
    private record ModeInvocation(SiloMode mode) implements ClassTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + mode + " mode]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new EnterMode(mode), new SiloModeParameter(mode));
        }
    }

    private record EnterMode(SiloMode mode) implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            context.getStore(NAMESPACE).put(Silos.Scope.class, Silos.stepInto(mode));
        }

        @Override
        public void afterEach(ExtensionContext context) {
            Silos.Scope scope = context.getStore(NAMESPACE).remove(Silos.Scope.class, Silos.Scope.class);
            if (scope != null) {
                scope.close();
            }
        }
    }
}
