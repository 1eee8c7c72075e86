package vn.kyso.agency;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface AgencyRepository extends CrudRepository<Agency, Long> {

    // on most requests: written out rather than derived from the name on each call
    @Query("SELECT * FROM agency WHERE code = :code")
    Optional<Agency> findByCode(String code);

    boolean existsByCode(String code);

    /** Rewrites the path prefix and depth of a whole subtree after its root moved. */
    @Modifying
    @Query("""
            UPDATE agency SET path = :newPrefix || substr(path, :oldLength + 1), depth = depth + :depthDelta
            WHERE path >= :oldPrefix AND path < :oldPrefixEnd""")
    int movePaths(String oldPrefix, String oldPrefixEnd, int oldLength, String newPrefix, int depthDelta);

    @Query("SELECT id FROM agency WHERE path >= :prefix AND path < :prefixEnd")
    List<Long> idsWithin(String prefix, String prefixEnd);
}
