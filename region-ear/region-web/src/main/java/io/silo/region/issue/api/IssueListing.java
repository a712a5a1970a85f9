package io.silo.region.issue.api;

import io.silo.common.web.Cursor;
import io.silo.region.issue.service.IssueReads;
import io.silo.region.issue.service.IssueRow;
import io.silo.region.issue.service.IssueSearch;
import io.silo.region.issue.service.IssueSort;
import io.silo.region.issue.service.StatsPeriod;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/** The query parameters every issue list takes, read and checked in one place, and the page they answer. */
final class IssueListing {

    private IssueListing() {
    }

    static Response page(IssueReads issues, long organizationId, List<Long> projectIds, String query,
                         String statsPeriod, String sort, String cursor, String perPage, UriInfo uri,
                         Function<IssueRow, IssueView> view) {
        IssueSearch search = IssueSearch.parse(query);
        IssueSort order = IssueSort.parse(sort);
        return issues.page(organizationId, projectIds, search, StatsPeriod.parse(statsPeriod), order,
                        Cursor.parse(cursor), Cursor.limit(perPage))
                .map(view).toResponse(uri).build();
    }
}
