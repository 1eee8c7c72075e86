package vn.kyso.subscriber;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

public interface SubscriberRepository extends CrudRepository<Subscriber, Long> {

    Optional<Subscriber> findByNationalId(String nationalId);
}
