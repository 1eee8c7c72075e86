package vn.kyso.ca;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface CaRepository extends CrudRepository<CaRecord, Long> {

    // written out: Spring Data derives a query from the method name again on every call
    @Query("SELECT * FROM ca WHERE name = :name")
    Optional<CaRecord> findByName(String name);

    @Query("SELECT * FROM ca WHERE key_hash = :keyHash")
    List<CaRecord> findByKeyHash(String keyHash);

    @Query("SELECT * FROM ca ORDER BY name")
    List<CaRecord> findAllByOrderByName();

    /** Marks every cached CRL of this CA stale; called in the revoking transaction. */
    @Modifying
    @Query("UPDATE ca SET revocation_version = revocation_version + 1 WHERE id = :id")
    void bumpRevocationVersion(long id);

    @Query("SELECT revocation_version FROM ca WHERE id = :id")
    long revocationVersion(long id);

    /** Takes the next CRL number; the update also orders two instances signing at once. */
    @Modifying
    @Query("UPDATE ca SET crl_number = crl_number + 1, crl_this_update = :thisUpdate, crl_next_update = :nextUpdate WHERE id = :id")
    void nextCrlNumber(long id, Instant thisUpdate, Instant nextUpdate);

    @Query("SELECT crl_number FROM ca WHERE id = :id")
    long crlNumber(long id);
}
