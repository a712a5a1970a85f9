package io.silo.region.member.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a role by its wire name, as the migration's CHECK constraint lists them. */
@Converter
public class MemberRoleConverter implements AttributeConverter<MemberRole, String> {

    @Override
    public String convertToDatabaseColumn(MemberRole role) {
        return role == null ? null : role.value();
    }

    @Override
    public MemberRole convertToEntityAttribute(String value) {
        return value == null ? null : MemberRole.fromValue(value).orElseThrow(
                () -> new IllegalStateException("Unknown member role in the database: " + value));
    }
}
