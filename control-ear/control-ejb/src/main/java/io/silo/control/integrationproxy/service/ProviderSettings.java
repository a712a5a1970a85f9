package io.silo.control.integrationproxy.service;

import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.integration.model.IntegrationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Each provider's OAuth and API settings, read from MicroProfile Config on every call (so a live config source
 * applies at once):
 * <pre>
 * silo.integrations.github.api-url=https://api.github.com     the only base URL the proxy forwards to
 * silo.integrations.github.token-url=https://github.com/login/oauth/access_token   refresh_token grants go here
 * silo.integrations.github.client-id=…                        the OAuth client, sent with every refresh
 * silo.integrations.github.client-secret=…
 * </pre>
 * and the same for {@code slack} and {@code jira}. A provider without {@code api-url} cannot be proxied to.
 */
@ApplicationScoped
@ControlSilo
public class ProviderSettings {

    /** One provider's settings; {@code tokenUrl} is empty when its tokens do not expire. */
    public record Provider(IntegrationProvider provider, URI apiUrl, Optional<URI> tokenUrl, String clientId,
                           String clientSecret) {
    }

    /** @throws ApiException 503 when the provider's API base URL is not configured */
    public Provider of(IntegrationProvider provider) {
        Config config = ConfigProvider.getConfig();
        String prefix = "silo.integrations." + provider.value() + ".";
        URI apiUrl = config.getOptionalValue(prefix + "api-url", String.class).filter(value -> !value.isBlank())
                .map(ProviderSettings::absolute)
                .orElseThrow(() -> ApiException.unavailable(prefix + "api-url is not configured: calls to "
                        + provider.value() + " cannot be proxied", 60));
        Optional<URI> tokenUrl = config.getOptionalValue(prefix + "token-url", String.class)
                .filter(value -> !value.isBlank()).map(ProviderSettings::absolute);
        return new Provider(provider, apiUrl, tokenUrl,
                config.getOptionalValue(prefix + "client-id", String.class).orElse(""),
                config.getOptionalValue(prefix + "client-secret", String.class).orElse(""));
    }

    private static URI absolute(String value) {
        URI uri = URI.create(value.strip());
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalStateException("Integration URL '" + value + "' is not an absolute http(s) URL");
        }
        return uri;
    }
}
