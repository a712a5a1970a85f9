package io.silo.region.issue.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.web.ApiException;
import io.silo.region.issue.service.IssueSearch.LevelIn;
import io.silo.region.issue.service.IssueSearch.StatusIn;
import io.silo.region.issue.service.IssueSearch.TagIn;
import io.silo.region.issue.service.IssueSearch.TextContains;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssueSearchTest {

    @Test
    void anAbsentQueryMeansUnresolvedAndAnEmptyOneMeansEverything() {
        assertEquals(List.of(new StatusIn(Set.of("unresolved"))), IssueSearch.parse(null).conditions());
        assertEquals(List.of(), IssueSearch.parse("").conditions());
        assertEquals(List.of(), IssueSearch.parse("   ").conditions());
    }

    @Test
    void filtersTagsAndFreeTextAreReadInOrder() {
        assertEquals(List.of(new StatusIn(Set.of("resolved")), new LevelIn(Set.of("error", "fatal")),
                        new TagIn("environment", Set.of("production")), new TagIn("release", Set.of("1.0 beta")),
                        new TagIn("browser.name", Set.of("Firefox")), new TextContains("database timeout in checkout")),
                IssueSearch.parse("is:resolved level:[error,fatal] database environment:production"
                        + " release:\"1.0 beta\" \"timeout in\" browser.name:Firefox checkout").conditions());
    }

    @Test
    void firstReleaseIsTheIssuesOwnNotAnEventTag() {
        assertEquals(List.of(new IssueSearch.FirstReleaseIn(Set.of("shop@1.2", "shop@1.3"))),
                IssueSearch.parse("firstRelease:[shop@1.2,shop@1.3]").conditions());
    }

    @Test
    void freeTextKeepsColonsThatAreNotFiltersAndQuotedEscapes() {
        assertEquals(List.of(new TextContains("ValueError: \"bad\" :x")),
                IssueSearch.parse("\"ValueError: \\\"bad\\\"\" :x").conditions());
    }

    @Test
    void badQueriesAreRefusedNamingTheQueryField() {
        for (String bad : List.of("is:open", "level:critical", "level:[error,]", "release:", "\"unclosed",
                "!is:resolved", "x".repeat(1001))) {
            ApiException refused = assertThrows(ApiException.class, () -> IssueSearch.parse(bad), bad);
            assertEquals(400, refused.problem().status(), bad);
            assertEquals("query", refused.problem().errors().get(0).field(), bad);
        }
        assertTrue(assertThrows(ApiException.class, () -> IssueSearch.parse("is:open")).problem().errors().get(0)
                .message().contains("ignored, resolved, unresolved"));
    }

    @Test
    void sortsAreSentrysAndDefaultToDate() {
        assertEquals(IssueSort.DATE, IssueSort.parse(null));
        assertEquals(IssueSort.NEW, IssueSort.parse("new"));
        assertEquals(IssueSort.FREQ, IssueSort.parse("freq"));
        assertEquals(IssueSort.USER, IssueSort.parse("user"));
        assertEquals("sort", assertThrows(ApiException.class, () -> IssueSort.parse("priority")).problem().errors().get(0).field());
    }

    @Test
    void statsPeriodsAreANumberAndAUnitDefaultingToFourteenDays() {
        assertEquals(Duration.ofDays(14), StatsPeriod.parse(null));
        assertEquals(Duration.ofHours(24), StatsPeriod.parse("24h"));
        assertEquals(Duration.ofMinutes(30), StatsPeriod.parse("30m"));
        assertEquals(Duration.ofDays(14), StatsPeriod.parse("2w"));
        for (String bad : List.of("0d", "14", "d", "1y", "-1h", "3651d", "1.5h")) {
            assertEquals("statsPeriod", assertThrows(ApiException.class, () -> StatsPeriod.parse(bad)).problem()
                    .errors().get(0).field(), bad);
        }
    }

    @Test
    void anIssueFilterNamesOneShortIdInAnyCase() {
        assertEquals(List.of(new IssueSearch.ShortIdIs(new ShortId("my-app", 12))),
                IssueSearch.parse("issue:MY-APP-12").conditions());
        assertEquals(List.of(new IssueSearch.ShortIdIs(new ShortId("web", 3))), IssueSearch.parse("issue:web-3").conditions());
        for (String bad : new String[] {"issue:WEB", "issue:WEB-0", "issue:-12", "issue:[WEB-1,WEB-2]", "issue:WEB-1x"}) {
            ApiException refused = assertThrows(ApiException.class, () -> IssueSearch.parse(bad), bad);
            assertTrue(refused.getMessage().contains("WEB-12"), refused.getMessage());
        }
    }

    @Test
    void shortIdsAreWrittenInCapitalsAndReadBack() {
        assertEquals("MY-APP-12", new ShortId("my-app", 12).toString());
        assertEquals(java.util.Optional.of(new ShortId("my-app", 12)), ShortId.parse(" my-app-12 "));
        assertEquals(java.util.Optional.empty(), ShortId.parse("my-app-"));
    }
}
