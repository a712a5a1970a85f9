package io.silo.control.integration.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status by its wire name, as the migration's CHECK constraint lists them. */
@Converter
public class OrganizationIntegrationStatusConverter implements AttributeConverter<OrganizationIntegrationStatus, String> {

    @Override
    public String convertToDatabaseColumn(OrganizationIntegrationStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public OrganizationIntegrationStatus convertToEntityAttribute(String value) {
        return value == null ? null : OrganizationIntegrationStatus.fromValue(value).orElseThrow(
                () -> new IllegalStateException("Unknown organization integration status in the database: " + value));
    }
}
