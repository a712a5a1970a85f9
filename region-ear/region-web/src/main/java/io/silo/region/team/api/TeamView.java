package io.silo.region.team.api;

import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.team.model.Team;
import java.time.OffsetDateTime;

/** A team as Sentry shows it: {@code isMember} says whether the caller is on it. */
public record TeamView(String id, String slug, String name, OffsetDateTime dateCreated, boolean isMember,
                       int memberCount) {

    public static TeamView of(Team team, OrganizationContext context) {
        boolean isMember = context.member().map(member -> team.memberIds().contains(member.id())).orElse(false);
        return new TeamView(String.valueOf(team.id()), team.slug(), team.name(), team.dateCreated(), isMember,
                team.memberIds().size());
    }
}
