package io.silo.common.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** A native SQL statement written piece by piece, each value bound as a numbered parameter ({@code ?n}), never pasted. */
public final class NativeSql {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    public NativeSql append(String text) {
        sql.append(text);
        return this;
    }

    /** The placeholder of a new parameter holding {@code value} (never null: EclipseLink would bind it as text). */
    public String bind(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    /** {@code (?a, ?b, …)} for the values. */
    public String bindAll(Collection<?> values) {
        return values.stream().map(this::bind).collect(Collectors.joining(", ", "(", ")"));
    }

    public Query create(EntityManager entityManager) {
        Query query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
