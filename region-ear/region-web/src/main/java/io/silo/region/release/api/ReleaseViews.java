package io.silo.region.release.api;

import io.silo.common.silo.RegionSilo;
import io.silo.common.web.CursorPage;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.release.model.Release;
import io.silo.region.release.service.ReleaseReads;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Builds {@link ReleaseView}s (inside the request's transaction): a page's facts are read for the whole page at once. */
@ApplicationScoped
@RegionSilo
public class ReleaseViews {

    @EJB
    ReleaseReads reads;

    public ReleaseView of(OrganizationContext context, Release release) {
        return ReleaseView.of(release, reads.of(context.organizationId(), List.of(release)).get(release.id()));
    }

    public CursorPage<ReleaseView> of(OrganizationContext context, CursorPage<Release> page) {
        Map<Long, ReleaseReads.ReleaseFacts> facts = reads.of(context.organizationId(), page.items());
        return page.map(release -> ReleaseView.of(release, facts.get(release.id())));
    }
}
