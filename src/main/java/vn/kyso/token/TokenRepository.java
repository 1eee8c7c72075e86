package vn.kyso.token;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

public interface TokenRepository extends CrudRepository<Token, Long> {

    Optional<Token> findBySerial(String serial);

    boolean existsBySerial(String serial);
}
