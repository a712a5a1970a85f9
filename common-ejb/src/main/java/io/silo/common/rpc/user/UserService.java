package io.silo.common.rpc.user;

import io.silo.common.rpc.Idempotent;
import io.silo.common.rpc.RpcService;
import io.silo.common.silo.ControlSilo;
import java.util.List;
import java.util.Optional;

/** Users as control knows them, for regions (member lists, notifications). Emails are compared normalized. */
@RpcService("user")
@ControlSilo
public interface UserService {

    /** The most ids {@link #listByIds} takes in one call. */
    int MAX_IDS = 500;

    /** @throws NoSuchUserException when no user has this id */
    @Idempotent
    RpcUser getById(long userId) throws NoSuchUserException;

    @Idempotent
    Optional<RpcUser> findByEmail(String email);

    /** The users with these ids, in the order asked; unknown ids are left out. At most {@link #MAX_IDS}. */
    @Idempotent
    List<RpcUser> listByIds(List<Long> userIds);
}
