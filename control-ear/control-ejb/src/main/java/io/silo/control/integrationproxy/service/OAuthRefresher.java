package io.silo.control.integrationproxy.service;

import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The OAuth 2.0 refresh_token grant (RFC 6749 §6) against a provider's token endpoint. Never follows redirects;
 * the tokens it receives are only ever handed back to the caller, never logged.
 */
@ApplicationScoped
@ControlSilo
public class OAuthRefresher {

    /** What the token endpoint granted; {@code refreshToken} null when the provider keeps the old one. */
    public record Grant(String accessToken, String refreshToken, Duration expiresIn) {
    }

    @Inject
    ProviderClient client;

    /** @throws ApiException 502 when the provider refuses or answers something that is not a token */
    public Grant refresh(ProviderSettings.Provider provider, String refreshToken) {
        URI tokenUrl = provider.tokenUrl().orElseThrow(() -> new ApiException(jakarta.ws.rs.core.Response.Status.BAD_GATEWAY,
                "The " + provider.provider().value() + " token expired and silo.integrations." + provider.provider().value()
                        + ".token-url is not configured: it cannot be refreshed"));
        if (refreshToken == null) {
            throw new ApiException(jakarta.ws.rs.core.Response.Status.BAD_GATEWAY, "The " + provider.provider().value()
                    + " token expired and the integration has no refresh token: reinstall it");
        }
        String form = Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                        "client_id", provider.clientId(), "client_secret", provider.clientSecret())
                .entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        int status;
        String body;
        try (ClassicHttpResponse answer = client.send("POST", tokenUrl, form.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded"), "Accept", List.of("application/json")),
                Duration.ofSeconds(10))) {
            status = answer.getCode();
            body = answer.getEntity() == null ? "" : EntityUtils.toString(answer.getEntity(), StandardCharsets.UTF_8);
        } catch (IOException | ParseException e) {
            throw badGateway("cannot be reached (" + e.getClass().getSimpleName() + ")");
        }
        if (status != 200) {
            throw badGateway("refused the refresh with HTTP " + status);
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject token = reader.readObject();
            if (token.get("access_token") == null || token.get("access_token").getValueType() != JsonValue.ValueType.STRING) {
                throw badGateway("answered without an access_token");
            }
            JsonNumber expiresIn = token.getJsonNumber("expires_in");
            return new Grant(token.getString("access_token"), token.getString("refresh_token", null),
                    expiresIn == null ? null : Duration.ofSeconds(expiresIn.longValue()));
        } catch (jakarta.json.JsonException | ClassCastException e) {
            throw badGateway("answered something that is not a JSON token");
        }
    }

    private static ApiException badGateway(String what) {
        return new ApiException(jakarta.ws.rs.core.Response.Status.BAD_GATEWAY, "The provider's token endpoint " + what);
    }
}
