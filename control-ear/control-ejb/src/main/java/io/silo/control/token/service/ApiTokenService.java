package io.silo.control.token.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.Scope;
import io.silo.common.auth.SecretDigest;
import io.silo.common.auth.TokenLastUse;
import io.silo.common.auth.TokenFormat;
import io.silo.common.id.IdGenerator;
import io.silo.common.outbox.payload.ApiTokenReplica;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxWriter;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.audit.model.AuditEvent;
import io.silo.control.audit.service.AuditLog;
import io.silo.control.identity.service.IdentityCache;
import io.silo.control.identity.service.TokenRevoked;
import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.service.OrganizationRoles;
import io.silo.control.organization.service.PublicUrls;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API tokens: minted once and shown once, then known only by their SHA-256. */
@Stateless
@ControlSilo
public class ApiTokenService {

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

    @EJB
    OrganizationRoles organizations;

    @Inject
    PublicUrls urls;

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
        replicate(record);
        return new NewToken(record, token);
    }

    /**
     * A token of an organization, created by one of its owners or managers; Silo's root URL, the organization's
     * region API URL and its slug go into the token (Sentry's format) and the token to that region alone. It acts for the organization, not for a user: it
     * outlives its creator's membership and never holds {@link Scope#ADMIN}.
     */
    public NewToken createOrganizationToken(ApiPrincipal actor, long userId, String organizationSlug, String name,
                                            Set<Scope> scopes, OffsetDateTime expiresAt, String ipAddress) {
        OffsetDateTime now = now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiException.invalidField("expiresAt", "must be in the future");
        }
        if (scopes.contains(Scope.ADMIN)) {
            throw ApiException.invalidField("scopes", "an organization token cannot hold the admin scope");
        }
        OrganizationMapping organization = organizations.managedBy(userId, organizationSlug);
        String token = TokenFormat.newOrganizationToken(new TokenFormat.OrganizationClaims(urls.root(),
                urls.region(organization.region()), organization.slug()));
        ApiToken record = ApiToken.forOrganization(ids.nextId(), SecretDigest.sha256Hex(token), TokenFormat.hint(token),
                name, organization.id(), organization.region(), scopes, now, expiresAt);
        entityManager.persist(record);
        audit.record(AuditEvent.TOKEN_CREATED, userId, actor, ipAddress,
                "organization " + organization.id() + " token " + record.id());
        replicate(record);
        return new NewToken(record, token);
    }

    /** The live tokens of an organization the user is a member of. */
    public List<ApiToken> liveTokensOfOrganization(long userId, String organizationSlug) {
        return entityManager.createNamedQuery(ApiToken.LIVE_OF_ORGANIZATION, ApiToken.class)
                .setParameter("organizationId", organizations.joinedBy(userId, organizationSlug).id())
                .getResultList();
    }

    /** Revokes a token of an organization the user manages; another organization's token does not exist for them. */
    public void revokeOrganizationToken(ApiPrincipal actor, long userId, String organizationSlug, long tokenId,
                                        String ipAddress) {
        OrganizationMapping organization = organizations.managedBy(userId, organizationSlug);
        ApiToken token = entityManager.find(ApiToken.class, tokenId);
        if (token == null || !token.organizationId().equals(Optional.of(organization.id()))
                || token.revokedAt().isPresent()) {
            throw ApiException.notFound("No such token");
        }
        revoke(token, actor, userId, ipAddress, "organization " + organization.id() + " token " + tokenId);
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
        revoke(token, actor, userId, ipAddress, "token " + tokenId);
    }

    /** Revokes a live token here, in control's caches at once, and in the regions that hold it through the outbox. */
    private void revoke(ApiToken token, ApiPrincipal actor, long userId, String ipAddress, String detail) {
        token.revoke(now());
        audit.record(AuditEvent.TOKEN_REVOKED, userId, actor, ipAddress, detail);
        revocations.fire(new TokenRevoked(token.tokenHash()));
        replicate(token);
    }

    /**
     * The principal of a live token, recording its use; empty for anything else. Runs for every API request whose
     * token the {@link IdentityCache} does not hold (the caller, {@code ControlCredentialVerifier}, asks it first):
     * one query reads the token and its user, the principal is cached, and no transaction is opened unless the last
     * use is due a write (so last use is exact to the minute only for tokens not served from the cache, and to the
     * cache's TTL otherwise).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<ApiPrincipal> authenticate(String token) {
        if (!TokenFormat.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = SecretDigest.sha256Hex(token);
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
        if (TokenLastUse.isDue(live.lastUsedAt(), now)) {
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
                .setParameter("due", now.minus(TokenLastUse.RESOLUTION))
                .executeUpdate();
    }

    /**
     * Sends a token as it commits, in this transaction, so regions authenticate it locally: a user token to every
     * region (in its user's outbox shard), an organization token to its organization's region alone (in the
     * organization's shard). Flushed first: the replica carries the version this change commits with.
     */
    private void replicate(ApiToken token) {
        entityManager.flush();
        ApiTokenReplica replica = new ApiTokenReplica(token.id(), token.userId().orElse(null),
                token.organizationId().orElse(null), token.tokenHash(), token.scopeNames(),
                token.expiresAt().map(OffsetDateTime::toInstant).orElse(null), token.revokedAt().isPresent(),
                token.version());
        if (token.kind() == ApiToken.Kind.USER) {
            outbox.toAllRegions(OutboxCategory.API_TOKEN_REPLICA, token.userId().orElseThrow(), token.id(), replica);
        } else {
            outbox.toRegions(List.of(token.region().orElseThrow()), OutboxCategory.ORGANIZATION_TOKEN_REPLICA,
                    token.organizationId().orElseThrow(), token.id(), replica);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
