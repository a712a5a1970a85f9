package io.silo.control.token.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.Scope;
import io.silo.common.auth.SecretDigest;
import io.silo.common.id.IdGenerator;
import io.silo.common.outbox.ApiTokenReplica;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxWriter;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.audit.model.AuditEvent;
import io.silo.control.audit.service.AuditLog;
import io.silo.control.identity.service.IdentityCache;
import io.silo.control.identity.service.TokenRevoked;
import io.silo.control.token.model.ApiToken;
import io.silo.control.user.model.User;
import io.silo.control.user.service.Operators;
import io.silo.control.user.service.UserAccountService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API tokens: minted once and shown once, then known only by their SHA-256. */
@Stateless
@ControlSilo
public class ApiTokenService {

    /** Use within this time of the recorded last use is not written again: one write a minute, not per request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    AuditLog audit;

    @EJB
    UserAccountService users;

    @Resource
    SessionContext context;

    @Inject
    IdentityCache cache;

    @Inject
    Event<TokenRevoked> revocations;

    @EJB
    OutboxWriter outbox;

    @Inject
    Operators operators;

    /** A token just created: {@code token} is the only time the secret exists outside the client. */
    public record NewToken(ApiToken record, String token) {
    }

    public NewToken createUserToken(ApiPrincipal actor, long userId, String name, Set<Scope> scopes,
                                    OffsetDateTime expiresAt, String ipAddress) {
        OffsetDateTime now = now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiException.invalidField("expiresAt", "must be in the future");
        }
        User owner = users.require(userId);
        if (scopes.contains(Scope.ADMIN) && !operators.isOperator(owner.email())) {
            throw ApiException.forbidden("Only operators (silo.admin.emails) may hold the admin scope");
        }
        String token = TokenFormat.newUserToken();
        ApiToken record = ApiToken.forUser(ids.nextId(), SecretDigest.sha256Hex(token), TokenFormat.hint(token), name,
                userId, scopes, now, expiresAt);
        entityManager.persist(record);
        audit.record(AuditEvent.TOKEN_CREATED, userId, actor, ipAddress, "token " + record.id());
        replicate(record, userId);
        return new NewToken(record, token);
    }

    /** An organization's token; its region goes into the token's prefix. */
    public NewToken createOrganizationToken(ApiPrincipal actor, long organizationId, String region, String name,
                                            Set<Scope> scopes, OffsetDateTime expiresAt, String ipAddress) {
        String token = TokenFormat.newOrganizationToken(region);
        ApiToken record = ApiToken.forOrganization(ids.nextId(), SecretDigest.sha256Hex(token), TokenFormat.hint(token),
                name, organizationId, region, scopes, now(), expiresAt);
        entityManager.persist(record);
        audit.record(AuditEvent.TOKEN_CREATED, actor.userId().orElse(null), actor, ipAddress,
                "organization " + organizationId + " token " + record.id());
        return new NewToken(record, token);
    }

    public List<ApiToken> liveTokensOf(long userId) {
        return entityManager.createNamedQuery(ApiToken.LIVE_OF_USER, ApiToken.class)
                .setParameter("userId", userId)
                .getResultList();
    }

    /** Revokes one of the user's own tokens; another user's token does not exist for them. */
    public void revoke(ApiPrincipal actor, long userId, long tokenId, String ipAddress) {
        ApiToken token = entityManager.find(ApiToken.class, tokenId);
        if (token == null || !token.userId().equals(Optional.of(userId)) || token.revokedAt().isPresent()) {
            throw ApiException.notFound("No such token");
        }
        token.revoke(now());
        audit.record(AuditEvent.TOKEN_REVOKED, userId, actor, ipAddress, "token " + tokenId);
        revocations.fire(new TokenRevoked(token.tokenHash()));
        replicate(token, userId);
    }

    /**
     * The principal of a live token, recording its use; empty for anything else. Runs on every API request:
     * a token verified recently on this instance costs no query; otherwise one query reads the token and its
     * user, and no transaction is opened unless the last use is due a write (so last use is exact to the
     * minute only for tokens not served from the cache, and to the cache's TTL otherwise).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ApiPrincipal> authenticate(String token) {
        if (!TokenFormat.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = SecretDigest.sha256Hex(token);
        Optional<ApiPrincipal> cached = cache.token(hash);
        if (cached.isPresent()) {
            return cached;
        }
        OffsetDateTime now = now();
        List<Object[]> rows = entityManager.createNamedQuery(ApiToken.LIVE_BY_HASH_WITH_USER, Object[].class)
                .setParameter("hash", hash)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ApiToken live = (ApiToken) rows.get(0)[0];
        User user = (User) rows.get(0)[1];
        if (live.isExpiredAt(now) || (live.kind() == ApiToken.Kind.USER && (user == null || !user.isActive()))) {
            return Optional.empty();
        }
        if (live.lastUsedAt().map(last -> last.plus(LAST_USED_RESOLUTION).isBefore(now)).orElse(true)) {
            context.getBusinessObject(ApiTokenService.class).recordUse(live.id(), now);
        }
        ApiPrincipal principal = live.kind() == ApiToken.Kind.USER
                ? ApiPrincipal.userToken(live.userId().orElseThrow(), live.id(), heldScopes(live, user))
                : ApiPrincipal.organizationToken(live.organizationId().orElseThrow(), live.id(), live.scopes());
        cache.putToken(hash, principal, live.expiresAt());
        return Optional.of(principal);
    }

    /** A user token's scopes, without {@link Scope#ADMIN} once its user is no longer an operator. */
    private Set<Scope> heldScopes(ApiToken token, User user) {
        Set<Scope> scopes = token.scopes();
        if (scopes.contains(Scope.ADMIN) && !operators.isOperator(user.email())) {
            scopes.remove(Scope.ADMIN);
        }
        return scopes;
    }

    /** Records a use; a concurrent request that recorded it already within the minute wins. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordUse(long tokenId, OffsetDateTime now) {
        entityManager.createNamedQuery(ApiToken.RECORD_USE)
                .setParameter("id", tokenId)
                .setParameter("now", now)
                .setParameter("due", now.minus(LAST_USED_RESOLUTION))
                .executeUpdate();
    }

    /**
     * Sends a user token as it commits to every region, in this transaction, so regions authenticate it
     * locally. Flushed first: the replica carries the version this change commits with.
     */
    private void replicate(ApiToken token, long userId) {
        entityManager.flush();
        outbox.toAllRegions(OutboxCategory.API_TOKEN_REPLICA, userId, token.id(), new ApiTokenReplica(token.id(), userId,
                token.tokenHash(), token.scopeNames(), token.expiresAt().map(OffsetDateTime::toInstant).orElse(null),
                token.revokedAt().isPresent(), token.version()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
