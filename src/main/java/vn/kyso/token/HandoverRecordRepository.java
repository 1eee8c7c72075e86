package vn.kyso.token;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

public interface HandoverRecordRepository extends CrudRepository<HandoverRecord, Long> {

    Optional<HandoverRecord> findByNumber(String number);

    List<HandoverRecord> findByTokenIdOrderByIdAsc(Long tokenId);
}
