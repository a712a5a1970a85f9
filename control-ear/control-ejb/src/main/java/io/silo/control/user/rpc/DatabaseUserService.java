package io.silo.control.user.rpc;

import io.silo.common.rpc.RpcImplementation;
import io.silo.common.rpc.user.NoSuchUserException;
import io.silo.common.rpc.user.RpcUser;
import io.silo.common.rpc.user.UserService;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.user.model.User;
import io.silo.control.user.service.UserAccountService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Control's {@link UserService}: users read from control's database. */
@Stateless
@RpcImplementation
@ControlSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DatabaseUserService implements UserService {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @EJB
    UserAccountService accounts;

    @Override
    public RpcUser getById(long userId) {
        return accounts.find(userId).map(DatabaseUserService::wire)
                .orElseThrow(() -> new NoSuchUserException("No user has id " + userId));
    }

    @Override
    public Optional<RpcUser> findByEmail(String email) {
        return accounts.findByEmail(email).map(DatabaseUserService::wire);
    }

    @Override
    public List<RpcUser> listByIds(List<Long> userIds) {
        if (userIds.size() > MAX_IDS) {
            throw ApiException.invalidField("userIds", "at most " + MAX_IDS + " ids per call, not " + userIds.size());
        }
        if (userIds.contains(null)) {
            throw ApiException.invalidField("userIds", "ids must be numbers, not null");
        }
        if (userIds.isEmpty()) {
            return List.of();
        }
        Map<Long, User> found = entityManager.createNamedQuery(User.BY_IDS, User.class)
                .setParameter("ids", userIds).getResultStream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        return userIds.stream().distinct().map(found::get).filter(Objects::nonNull).map(DatabaseUserService::wire).toList();
    }

    private static RpcUser wire(User user) {
        return new RpcUser(user.id(), user.email(), user.name(), user.isActive());
    }
}
