package io.silo.region.issue.helpers;

/** A region class in a package that names no role ("helpers"): the layout rule must refuse it. */
public final class IssueHelpers {

    private IssueHelpers() {
    }
}
