package io.silo.region.replication.rpc;

import io.silo.common.rpc.RpcImplementation;
import io.silo.common.rpc.replica.ReplicaService;
import io.silo.common.rpc.replica.ReplicaSummary;
import io.silo.common.rpc.replica.RpcUserReplica;
import io.silo.common.silo.RegionSilo;
import io.silo.common.silo.SiloIdentity;
import io.silo.region.replication.model.ReplicatedUser;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/** This region's {@link ReplicaService}: counts and rows of the replica tables. */
@Stateless
@RpcImplementation
@RegionSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DatabaseReplicaService implements ReplicaService {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @Inject
    SiloIdentity silo;

    @Override
    public ReplicaSummary summary() {
        long users = entityManager.createQuery("SELECT COUNT(u) FROM ReplicatedUser u", Long.class).getSingleResult();
        long tokens = entityManager.createQuery("SELECT COUNT(t) FROM ReplicatedApiToken t", Long.class).getSingleResult();
        OffsetDateTime lastUser = entityManager.createQuery("SELECT MAX(u.replicatedAt) FROM ReplicatedUser u",
                OffsetDateTime.class).getSingleResult();
        OffsetDateTime lastToken = entityManager.createQuery("SELECT MAX(t.replicatedAt) FROM ReplicatedApiToken t",
                OffsetDateTime.class).getSingleResult();
        OffsetDateTime last = lastUser == null ? lastToken
                : lastToken == null || lastUser.isAfter(lastToken) ? lastUser : lastToken;
        return new ReplicaSummary(silo.region().orElseThrow(), users, tokens, last == null ? null : last.toInstant());
    }

    @Override
    public Optional<RpcUserReplica> findUser(long userId) {
        return Optional.ofNullable(entityManager.find(ReplicatedUser.class, userId))
                .map(user -> new RpcUserReplica(user.id(), user.email(), user.name(), user.isActive(), user.version(),
                        user.replicatedAt().toInstant()));
    }
}
