package vn.kyso.verify;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.kyso.common.ApiException;
import vn.kyso.security.CurrentUser;

@RestController
@RequestMapping("/api/v1")
public class VerificationController {

    private static final String VERIFIERS = "hasAnyRole('ADMIN','REGISTRAR','CLERK','AGENCY_OFFICER')";

    private final VerificationService service;
    private final PolicyStore policies;
    private final ReceiptPdf receipts;
    private final int maxPageSize;

    public VerificationController(VerificationService service, PolicyStore policies, ReceiptPdf receipts,
            vn.kyso.common.KysoProperties properties) {
        this.service = service;
        this.policies = policies;
        this.receipts = receipts;
        this.maxPageSize = properties.limits().maxPageSize();
    }

    @PostMapping(value = "/verifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(VERIFIERS)
    public ResponseEntity<VerificationReport> verify(@RequestPart("document") MultipartFile document,
            @RequestPart(value = "signature", required = false) MultipartFile signature,
            @RequestParam(required = false) Instant validationTime) throws IOException {
        if (document.isEmpty()) {
            throw ApiException.badField("document", "error.verify.emptyDocument");
        }
        byte[] detached = signature == null || signature.isEmpty() ? null : signature.getBytes();
        VerificationReport report = service.verify(document.getBytes(), detached, document.getOriginalFilename(),
                validationTime);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/verifications/" + report.id())
                .body(report);
    }

    @GetMapping("/verifications/{id}")
    @PreAuthorize("isAuthenticated()")
    public VerificationReport get(@PathVariable String id) {
        return service.get(id, CurrentUser.require())
                .orElseThrow(() -> ApiException.notFound("error.verify.notFound", id));
    }

    @GetMapping("/verifications")
    @PreAuthorize("isAuthenticated()")
    public List<VerificationService.Summary> recent(@RequestParam(defaultValue = "50") int limit) {
        // refused rather than quietly cut, like a listing's page size
        if (limit < 1 || limit > maxPageSize) {
            throw ApiException.badField("limit", "error.page.size", maxPageSize);
        }
        return service.recent(CurrentUser.require(), limit);
    }

    @GetMapping(value = "/verifications/{id}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("isAuthenticated()")
    public ResponseEntity<byte[]> receipt(@PathVariable String id) {
        VerificationReport report = get(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"kyso-" + report.id() + ".pdf\"")
                .body(receipts.render(report));
    }

    @GetMapping("/validation-policy")
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR','REGISTRAR')")
    public ValidationPolicy policy() {
        return policies.current();
    }

    @PutMapping("/validation-policy")
    @PreAuthorize("hasRole('ADMIN')")
    public ValidationPolicy replacePolicy(@RequestBody ValidationPolicy policy) {
        return policies.replace(policy);
    }
}
