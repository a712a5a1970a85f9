package io.silo.region.issue.api;

import io.silo.common.web.ApiException;

/** An issue id as a path gives it: not a number is an issue that does not exist (404), as for any unknown one. */
final class IssueIds {

    private IssueIds() {
    }

    static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw noSuchIssue();
        }
    }

    static ApiException noSuchIssue() {
        return ApiException.notFound("No such issue");
    }
}
