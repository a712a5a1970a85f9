package io.silo.common.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The one JAX-RS application of every silo. Resource paths carry their full prefix
 * ({@code api/0/...}, {@code extensions/...}) because SDK ingestion and webhooks live outside {@code /api/0}.
 */
@ApplicationPath("/")
public class SiloApplication extends Application {
}
