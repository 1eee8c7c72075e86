package vn.kyso.approval;

import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

public interface PendingApprovalRepository extends CrudRepository<PendingApproval, Long> {

    Optional<PendingApproval> findFirstByActionAndEntityIdAndStatus(ApprovalAction action, String entityId,
            ApprovalStatus status);
}
