package io.silo.region.member.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.rpc.user.RpcUser;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import io.silo.region.member.model.MemberRole;
import io.silo.region.member.model.OrganizationMember;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.organization.service.OrganizationRows;
import io.silo.region.organization.service.RegionDirectoryChanges;
import io.silo.region.team.model.Team;
import io.silo.region.team.service.TeamService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An organization's members, with Sentry's role rules: managers and owners manage members; nobody grants a role
 * above their own, so only owners grant or remove the owner role; the last owner can neither leave nor be
 * demoted; anyone may leave. Every change of a member with an account reaches control's directory in the same
 * transaction (a removal as a tombstone).
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MemberService {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    RegionDirectoryChanges directory;

    @EJB
    TeamService teams;

    public CursorPage<OrganizationMember> page(OrganizationContext context, Cursor cursor, int limit) {
        return OrganizationRows.page(entityManager, OrganizationMember.class, "organizationId",
                context.organizationId(), cursor, limit, OrganizationMember::id);
    }

    /** The member with this id in the organization ({@code me}: the caller), or 404. */
    public OrganizationMember find(OrganizationContext context, String memberId) {
        if (memberId.equals("me")) {
            return context.member().orElseThrow(() -> ApiException.notFound("No such member"));
        }
        try {
            OrganizationMember member = entityManager.find(OrganizationMember.class, Long.parseLong(memberId));
            if (member != null && member.organizationId() == context.organizationId()) {
                return member;
            }
        } catch (NumberFormatException e) {
            // not an id: no such member
        }
        throw ApiException.notFound("No such member");
    }

    /**
     * Adds {@code email} with {@code role}: at once as a member when it is an account's ({@code account}, found
     * in control), otherwise as a pending invitation. 409 when already a member or invited.
     */
    public OrganizationMember invite(OrganizationContext context, String email, MemberRole role, List<Team> onTeams,
                                     Optional<RpcUser> account) {
        context.requireRole(MemberRole.MANAGER);
        requireMayGrant(context, role);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (pendingInvitation(context.organizationId(), email).isPresent()) {
            throw ApiException.conflict(email + " is already invited to this organization");
        }
        OrganizationMember member;
        if (account.isPresent()) {
            boolean already = !entityManager.createNamedQuery(OrganizationMember.OF_USER, OrganizationMember.class)
                    .setParameter("organizationId", context.organizationId())
                    .setParameter("userId", account.get().id())
                    .getResultList().isEmpty();
            if (already) {
                throw ApiException.conflict(email + " is already a member of this organization");
            }
            member = OrganizationMember.ofUser(ids.nextId(), context.organizationId(), account.get().id(), role, now);
        } else {
            member = OrganizationMember.invited(ids.nextId(), context.organizationId(), email, role, now);
        }
        entityManager.persist(member);
        onTeams.forEach(team -> team.addMember(member.id()));
        directory.memberChanged(member, false);
        directory.audited(context, account.isPresent() ? "member.added" : "member.invited",
                member.userId().orElse(null), role.value());
        return member;
    }

    /** Changes the member's role and, when {@code onTeams} is given, the teams they are on (exactly those). */
    public OrganizationMember update(OrganizationContext context, OrganizationMember member, MemberRole role,
                                     Optional<List<Team>> onTeams) {
        context.requireRole(MemberRole.MANAGER);
        requireMayManage(context, member);
        if (role != null && role != member.role()) {
            requireMayGrant(context, role);
            if (member.role() == MemberRole.OWNER && member.userId().isPresent()) {
                requireAnotherOwner(context, "The organization's last owner cannot be demoted");
            }
            member.changeRole(role);
            directory.memberChanged(member, false);
            directory.audited(context, "member.role-changed", member.userId().orElse(null), role.value());
        }
        onTeams.ifPresent(wanted -> {
            List<Long> wantedIds = wanted.stream().map(Team::id).toList();
            for (Team team : teams.all(context.organizationId())) {
                if (wantedIds.contains(team.id())) {
                    team.addMember(member.id());
                } else {
                    team.removeMember(member.id());
                }
            }
            directory.audited(context, "member.teams-changed", member.userId().orElse(null),
                    String.join(",", wanted.stream().map(Team::slug).toList()));
        });
        return member;
    }

    /** Removes the member: a manager removes others, anyone leaves; control gets the tombstone. */
    public void remove(OrganizationContext context, OrganizationMember member) {
        boolean leaving = context.member().map(own -> own.id() == member.id()).orElse(false);
        if (!leaving) {
            context.requireRole(MemberRole.MANAGER);
            requireMayManage(context, member);
        }
        if (member.role() == MemberRole.OWNER && member.userId().isPresent()) {
            requireAnotherOwner(context, leaving ? "The organization's last owner cannot leave"
                    : "The organization's last owner cannot be removed");
        }
        directory.memberChanged(member, true);
        directory.audited(context, leaving ? "member.left" : "member.removed", member.userId().orElse(null),
                member.role().value());
        entityManager.remove(member);
    }

    /** Puts the member on the team: the member themself may join any team, admins and above put anyone on one. */
    public boolean joinTeam(OrganizationContext context, OrganizationMember member, Team team) {
        requireSelfOrAdmin(context, member);
        if (team.memberIds().contains(member.id())) {
            return false;
        }
        team.addMember(member.id());
        directory.audited(context, "team.member-added", member.userId().orElse(null), team.slug());
        return true;
    }

    public void leaveTeam(OrganizationContext context, OrganizationMember member, Team team) {
        requireSelfOrAdmin(context, member);
        if (!team.memberIds().contains(member.id())) {
            throw ApiException.notFound("The member is not on this team");
        }
        team.removeMember(member.id());
        directory.audited(context, "team.member-removed", member.userId().orElse(null), team.slug());
    }

    private Optional<OrganizationMember> pendingInvitation(long organizationId, String email) {
        return entityManager.createNamedQuery(OrganizationMember.PENDING_BY_EMAIL, OrganizationMember.class)
                .setParameter("organizationId", organizationId)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .getResultList().stream().findFirst();
    }

    /** The caller's own role; an organization token acts as a manager (it may manage members, not owners). */
    private static MemberRole actingRole(OrganizationContext context) {
        return context.member().map(OrganizationMember::role).orElse(MemberRole.MANAGER);
    }

    private static void requireMayGrant(OrganizationContext context, MemberRole role) {
        if (!actingRole(context).isAtLeast(role)) {
            throw ApiException.forbidden("You cannot grant the " + role.value() + " role: it is above yours ("
                    + actingRole(context).value() + ")");
        }
    }

    private static void requireMayManage(OrganizationContext context, OrganizationMember member) {
        if (!actingRole(context).isAtLeast(member.role())) {
            throw ApiException.forbidden("You cannot change a member whose role (" + member.role().value()
                    + ") is above yours (" + actingRole(context).value() + ")");
        }
    }

    private static void requireSelfOrAdmin(OrganizationContext context, OrganizationMember member) {
        if (context.member().map(own -> own.id() != member.id()).orElse(true)) {
            context.requireRole(MemberRole.ADMIN);
        }
    }

    /** 409 unless another owner remains; the organization's row is locked so two owners cannot both go at once. */
    private void requireAnotherOwner(OrganizationContext context, String refusal) {
        entityManager.lock(context.organization(), LockModeType.PESSIMISTIC_WRITE);
        long owners = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM region.organization_member"
                        + " WHERE organization_id = ?1 AND role = 'owner' AND user_id IS NOT NULL")
                .setParameter(1, context.organizationId())
                .getSingleResult()).longValue();
        if (owners <= 1) {
            throw ApiException.conflict(refusal + "; make another member an owner first");
        }
    }
}
