package io.silo.region.issue.api;

/** The body of {@code PUT …/issues/{issue_id}/}: {@code {"status": "resolved" | "unresolved" | "ignored"}}. */
public class UpdateIssueRequest {

    public String status;
}
