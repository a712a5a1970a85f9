package io.silo.common.silo;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;

/**
 * Default entity listener of every persistence unit (see each silo's {@code orm.xml}): loading or
 * writing an entity of another silo fails as loudly as calling its services.
 */
public class SiloEntityListener {

    @PrePersist
    public void persist(Object entity) {
        Silos.check(entity.getClass(), "persist");
    }

    @PreUpdate
    public void update(Object entity) {
        Silos.check(entity.getClass(), "update");
    }

    @PreRemove
    public void remove(Object entity) {
        Silos.check(entity.getClass(), "remove");
    }

    @PostLoad
    public void load(Object entity) {
        Silos.check(entity.getClass(), "load");
    }
}
