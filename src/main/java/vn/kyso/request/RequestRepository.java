package vn.kyso.request;

import org.springframework.data.repository.CrudRepository;

public interface RequestRepository extends CrudRepository<CertificationRequest, Long> {
}
