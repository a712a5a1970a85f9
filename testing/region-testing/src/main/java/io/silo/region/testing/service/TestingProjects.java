package io.silo.region.testing.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.silo.RegionSilo;
import io.silo.region.environment.model.Environment;
import io.silo.region.event.model.Event;
import io.silo.region.issue.model.Issue;
import io.silo.region.organization.service.RegionDirectoryChanges;
import io.silo.region.project.model.Project;
import io.silo.region.projectkey.model.ProjectKey;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * TESTING ONLY — what the ingestion tests' testing endpoint does with the region's entities, in the EJB module
 * that holds the persistence unit (a web module of the region EAR does not see it on Payara Server).
 */
@Stateless
@RegionSilo
public class TestingProjects {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    RegionDirectoryChanges directory;

    /** A stored event with its issue and its project's environments, as the read API sees them. */
    public record StoredEvent(Event event, Issue issue, List<String> environments) {
    }

    /** A project with one DSN key, told to control like any key; {@code rateLimitCount} null for no limit. */
    public ProjectKey createWithKey(long organizationId, String slug, boolean keyActive, Integer rateLimitCount,
                                    Integer rateLimitWindow) {
        OffsetDateTime now = OffsetDateTime.now();
        Project project = new Project(ids.nextId(), organizationId, slug, slug, "java", now);
        entityManager.persist(project);
        ProjectKey key = ProjectKey.generate(ids.nextId(), project.id(), organizationId, "Default", now);
        key.activate(keyActive);
        if (rateLimitCount != null) {
            key.limitRate(rateLimitCount, rateLimitWindow);
        }
        entityManager.persist(key);
        directory.projectKeyChanged(key, false);
        return key;
    }

    public Optional<StoredEvent> event(long projectId, UUID eventId) {
        return entityManager.createNamedQuery(Event.BY_EVENT_ID, Event.class).setParameter("projectId", projectId)
                .setParameter("eventId", eventId).getResultStream().findFirst()
                .map(event -> new StoredEvent(event, entityManager.find(Issue.class, event.issueId()),
                        entityManager.createNamedQuery(Environment.OF_PROJECT, Environment.class)
                                .setParameter("projectId", projectId).getResultStream().map(Environment::name).toList()));
    }
}
