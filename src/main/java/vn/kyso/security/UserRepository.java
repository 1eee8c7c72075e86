package vn.kyso.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface UserRepository extends CrudRepository<AppUser, Long> {

    // every API request signs in: written out rather than derived from the name on each call
    @Query("SELECT * FROM app_user WHERE username = :username")
    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    List<AppUser> findAllByOrderByUsername();

    /** Counting and locking outside the optimistic version: a failed login must not conflict with an edit. */
    @Modifying
    @Query("UPDATE app_user SET failed_logins = :failures, locked_until = :lockedUntil WHERE id = :id")
    void updateLoginState(Long id, int failures, Instant lockedUntil);
}
