package vn.kyso.certificate;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface CertificateRepository extends CrudRepository<Certificate, Long> {

    // Written out: a derived query is built again from the method name on every call, which cost
    // more than the query on the lookup path.
    @Query("SELECT * FROM certificate WHERE serial = :serial")
    Optional<Certificate> findBySerial(String serial);

    Optional<Certificate> findByCaIdAndSerial(Long caId, String serial);

    List<Certificate> findByReplacesId(Long replacesId);

    @Query("SELECT COUNT(*) FROM certificate WHERE spki_sha256 = :spki AND subscriber_id <> :subscriberId")
    long countKeyUsedByOthers(String spki, long subscriberId);

    List<Certificate> findBySubscriberIdOrderByNotBeforeDesc(Long subscriberId);

    List<Certificate> findByTokenIdAndStatusNot(Long tokenId, CertificateStatus status);
}
