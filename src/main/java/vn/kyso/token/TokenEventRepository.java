package vn.kyso.token;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

public interface TokenEventRepository extends CrudRepository<TokenEvent, Long> {

    List<TokenEvent> findByTokenIdOrderByIdAsc(Long tokenId);
}
