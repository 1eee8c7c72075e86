package vn.kyso.ca;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface TrustAnchorRepository extends CrudRepository<TrustAnchor, Long> {

    boolean existsBySha256(String sha256);

    boolean existsByName(String name);

    @Query("SELECT * FROM trust_anchor ORDER BY name")
    List<TrustAnchor> findAllByOrderByName();
}
