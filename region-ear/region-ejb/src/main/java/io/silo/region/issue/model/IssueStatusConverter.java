package io.silo.region.issue.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status by its wire name, as the migration's CHECK constraint lists them. */
@Converter
public class IssueStatusConverter implements AttributeConverter<IssueStatus, String> {

    @Override
    public String convertToDatabaseColumn(IssueStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public IssueStatus convertToEntityAttribute(String value) {
        return value == null ? null : IssueStatus.fromValue(value).orElseThrow(
                () -> new IllegalStateException("Unknown issue status in the database: " + value));
    }
}
