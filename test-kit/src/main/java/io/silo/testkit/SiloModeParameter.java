package io.silo.testkit;

import io.silo.common.silo.SiloMode;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Lets a test of a silo-mode class take the {@link SiloMode} it runs in as a parameter. */
record SiloModeParameter(SiloMode mode) implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SiloMode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return mode;
    }
}
