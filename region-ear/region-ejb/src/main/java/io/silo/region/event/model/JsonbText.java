package io.silo.region.event.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Reads a jsonb column as its JSON text. The PostgreSQL driver hands jsonb to EclipseLink as a
 * {@code PGobject}, whose text is the document; the columns that use this are written by native SQL
 * ({@code CAST(? AS jsonb)}), never through the entity, so the other direction is never called with a value
 * EclipseLink would have to bind.
 */
@Converter
public class JsonbText implements AttributeConverter<String, Object> {

    @Override
    public Object convertToDatabaseColumn(String json) {
        return json;
    }

    @Override
    public String convertToEntityAttribute(Object value) {
        return value == null ? null : value.toString();
    }
}
