package vn.kyso.ca;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

public interface TrustAnchorRepository extends CrudRepository<TrustAnchor, Long> {

    boolean existsBySha256(String sha256);

    boolean existsByName(String name);

    List<TrustAnchor> findAllByOrderByName();
}
