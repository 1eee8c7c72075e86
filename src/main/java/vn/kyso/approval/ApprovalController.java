package vn.kyso.approval;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.kyso.common.KysoProperties;
import vn.kyso.common.PageResult;

@RestController
@RequestMapping("/api/v1")
public class ApprovalController {

    private static final String READERS = "hasAnyRole('ADMIN','REGISTRAR','AUDITOR')";
    private static final String DECIDERS = "hasAnyRole('ADMIN','REGISTRAR')";

    private final Approvals approvals;
    private final ApprovalRules rules;
    private final int maxPageSize;

    public ApprovalController(Approvals approvals, ApprovalRules rules, KysoProperties properties) {
        this.approvals = approvals;
        this.rules = rules;
        this.maxPageSize = properties.limits().maxPageSize();
    }

    public record Decision(@Size(max = 1000) String reason, Long version) {
    }

    public record RuleChange(@NotNull Boolean fourEyes, Long version) {
    }

    @GetMapping("/approvals")
    @PreAuthorize(READERS)
    public PageResult<Approvals.View> list(@RequestParam(required = false) ApprovalStatus status,
            @RequestParam(required = false) ApprovalAction action, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return approvals.list(status, action, PageResult.PageRequest.of(page, size, maxPageSize));
    }

    @GetMapping("/approvals/{id}")
    @PreAuthorize(READERS)
    public Approvals.View get(@PathVariable long id) {
        return approvals.view(approvals.get(id));
    }

    /** Carries out the prepared action; answers 403 to the person who prepared it. */
    @PostMapping("/approvals/{id}/approve")
    @PreAuthorize(DECIDERS)
    public Approvals.View approve(@PathVariable long id, @Valid @RequestBody(required = false) Decision decision) {
        return approvals.view(approvals.approve(id, decision == null ? null : decision.version()));
    }

    /** Declines it, with a reason; from the person who prepared it, this withdraws it. */
    @PostMapping("/approvals/{id}/reject")
    @PreAuthorize(DECIDERS)
    public Approvals.View reject(@PathVariable long id, @Valid @RequestBody(required = false) Decision decision) {
        return approvals.view(approvals.reject(id, decision == null ? null : decision.reason(),
                decision == null ? null : decision.version()));
    }

    @GetMapping("/approval-rules")
    @PreAuthorize("isAuthenticated()")
    public List<ApprovalRules.Rule> rules() {
        return rules.all();
    }

    @PutMapping("/approval-rules/{action}")
    @PreAuthorize("hasRole('ADMIN')")
    public ApprovalRules.Rule setRule(@PathVariable ApprovalAction action, @Valid @RequestBody RuleChange change) {
        return rules.set(action, change.fourEyes(), change.version());
    }
}
