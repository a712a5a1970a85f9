package io.silo.region.project.api;

import io.silo.common.silo.RegionSilo;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.project.model.Project;
import io.silo.region.project.service.ProjectService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds {@link ProjectView}s: a project with its organization and teams (inside the request's transaction). */
@ApplicationScoped
@RegionSilo
public class ProjectViews {

    @EJB
    ProjectService projects;

    public ProjectView of(OrganizationContext context, Project project) {
        return ProjectView.of(project, context.organization(), projects.teamsOf(project));
    }
}
