package io.silo.region.auth.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.CredentialVerifier;
import io.silo.common.auth.Scope;
import io.silo.common.auth.SecretDigest;
import io.silo.common.auth.TokenFormat;
import io.silo.common.auth.TokenLastUse;
import io.silo.common.silo.RegionSilo;
import io.silo.region.replication.model.ReplicatedApiToken;
import io.silo.region.replication.model.ReplicatedUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A region authenticates API tokens itself, from the replicas control sends it (docs/architecture.md §6): one query by
 * the token's SHA-256 finds the token and, for a user token, its user; a revoked or expired token, or a user
 * token whose user is inactive or not replicated yet, is refused. An organization token acts for its
 * organization (control sends it to that organization's region only). A use is recorded once a minute per token
 * and reported to control ({@link TokenUses}). No RPC to control on the request path, so a revocation
 * takes effect here when its replica arrives. Login sessions live in control only: a region accepts none.
 *
 * <p>In a MONOLITH control's verifier, an alternative with a priority, is the one injected instead.
 */
@ApplicationScoped
@RegionSilo
public class RegionCredentialVerifier implements CredentialVerifier {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    TokenUses uses;

    @Override
    public Optional<ApiPrincipal> verifyToken(String token) {
        if (!TokenFormat.isWellFormed(token)) {
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
        if (replica.isRevoked() || replica.expiresAt().filter(expiry -> !now.isBefore(expiry)).isPresent()) {
            return Optional.empty();
        }
        if (replica.organizationId().isEmpty() && (user == null || !user.isActive())) {
            return Optional.empty();
        }
        if (TokenLastUse.isDue(replica.lastUsedAt(), now)) {
            uses.record(replica.id(), now);
        }
        if (replica.organizationId().isPresent()) {
            return Optional.of(ApiPrincipal.organizationToken(replica.organizationId().get(), replica.id(),
                    Scope.fromNames(replica.scopes())));
        }
        return Optional.of(ApiPrincipal.userToken(user.id(), replica.id(), Scope.fromNames(replica.scopes())));
    }

    @Override
    public Optional<VerifiedSession> verifySession(String sessionId) {
        return Optional.empty();
    }
}
