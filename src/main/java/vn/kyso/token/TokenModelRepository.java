package vn.kyso.token;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

public interface TokenModelRepository extends CrudRepository<TokenModel, Long> {

    Optional<TokenModel> findByCode(String code);

    List<TokenModel> findAllByOrderByCode();
}
