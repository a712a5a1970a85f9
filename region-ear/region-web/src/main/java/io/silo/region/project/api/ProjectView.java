package io.silo.region.project.api;

import io.silo.region.organization.model.Organization;
import io.silo.region.project.model.Project;
import io.silo.region.team.model.Team;
import java.time.OffsetDateTime;
import java.util.List;

/** A project as Sentry shows it, with its organization and teams in short. */
public record ProjectView(String id, String slug, String name, String platform, String status,
                          OffsetDateTime dateCreated, OrganizationSummary organization, List<TeamSummary> teams) {

    public record OrganizationSummary(String id, String slug, String name) {
    }

    public record TeamSummary(String id, String slug, String name) {
    }

    public static ProjectView of(Project project, Organization organization, List<Team> teams) {
        return new ProjectView(String.valueOf(project.id()), project.slug(), project.name(),
                project.platform().orElse(null), "active", project.dateCreated(),
                new OrganizationSummary(String.valueOf(organization.id()), organization.slug(), organization.name()),
                teams.stream().map(team -> new TeamSummary(String.valueOf(team.id()), team.slug(), team.name())).toList());
    }
}
