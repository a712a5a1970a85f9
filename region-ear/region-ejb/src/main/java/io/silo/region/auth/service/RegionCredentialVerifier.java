package io.silo.region.auth.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.CredentialVerifier;
import io.silo.common.auth.Scope;
import io.silo.common.auth.SecretDigest;
import io.silo.common.silo.RegionSilo;
import io.silo.region.replica.model.ReplicatedApiToken;
import io.silo.region.replica.model.ReplicatedUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A region authenticates user API tokens itself, from the replicas control sends it (DESIGN.md §6): one
 * query by the token's SHA-256 finds the token and its user; a revoked or expired token, or one whose user
 * is inactive or not replicated yet, is refused. No RPC to control on the request path, so a revocation
 * takes effect here when its replica arrives. Login sessions live in control only: a region accepts none.
 *
 * <p>In a MONOLITH control's verifier, an alternative with a priority, is the one injected instead.
 */
@ApplicationScoped
@RegionSilo
public class RegionCredentialVerifier implements CredentialVerifier {

    private static final String USER_TOKEN_PREFIX = "silo_u_";

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @Override
    public Optional<ApiPrincipal> verifyToken(String token) {
        if (!token.startsWith(USER_TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        List<Object[]> rows = entityManager.createNamedQuery(ReplicatedApiToken.BY_HASH_WITH_USER, Object[].class)
                .setParameter("hash", SecretDigest.sha256Hex(token))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ReplicatedApiToken replica = (ReplicatedApiToken) rows.get(0)[0];
        ReplicatedUser user = (ReplicatedUser) rows.get(0)[1];
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (replica.isRevoked() || replica.expiresAt().filter(expiry -> !now.isBefore(expiry)).isPresent()
                || user == null || !user.isActive()) {
            return Optional.empty();
        }
        return Optional.of(ApiPrincipal.userToken(user.id(), replica.id(), scopes(replica.scopes())));
    }

    @Override
    public Optional<VerifiedSession> verifySession(String sessionId) {
        return Optional.empty();
    }

    private static Set<Scope> scopes(String names) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(names.split(" ")).map(Scope::fromValue).flatMap(Optional::stream).forEach(scopes::add);
        return scopes;
    }
}
