package io.silo.control.integration.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a provider by its wire name, as the migration's CHECK constraint lists them. */
@Converter
public class IntegrationProviderConverter implements AttributeConverter<IntegrationProvider, String> {

    @Override
    public String convertToDatabaseColumn(IntegrationProvider provider) {
        return provider == null ? null : provider.value();
    }

    @Override
    public IntegrationProvider convertToEntityAttribute(String value) {
        return value == null ? null : IntegrationProvider.fromValue(value).orElseThrow(
                () -> new IllegalStateException("Unknown integration provider in the database: " + value));
    }
}
