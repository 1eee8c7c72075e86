package vn.kyso.certificate;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.kyso.ca.Pki;
import vn.kyso.common.ApiException;
import vn.kyso.common.KysoProperties;
import vn.kyso.common.PageResult;

@RestController
@RequestMapping("/api/v1/certificates")
public class CertificateController {

    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");
    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");
    private static final String READERS = "hasAnyRole('ADMIN','REGISTRAR','AUDITOR','AGENCY_OFFICER','CLERK')";
    private static final String WRITERS = "hasAnyRole('ADMIN','REGISTRAR')";

    private final CertificateService service;
    private final CertificateQueries queries;
    private final BulkRevocation bulk;
    private final vn.kyso.approval.CertificateRevocations fourEyes;
    private final vn.kyso.approval.Approvals approvals;
    private final int maxPageSize;

    public CertificateController(CertificateService service, CertificateQueries queries, BulkRevocation bulk,
            KysoProperties properties, vn.kyso.approval.CertificateRevocations fourEyes,
            vn.kyso.approval.Approvals approvals) {
        this.service = service;
        this.queries = queries;
        this.bulk = bulk;
        this.fourEyes = fourEyes;
        this.approvals = approvals;
        this.maxPageSize = properties.limits().maxPageSize();
    }

    @PostMapping
    @PreAuthorize(WRITERS)
    public ResponseEntity<CertificateView> issue(@Valid @RequestBody Requests.Issue request) {
        return created(service.issue(request));
    }

    @PostMapping("/import")
    @PreAuthorize(WRITERS)
    public ResponseEntity<CertificateView> importCertificate(@Valid @RequestBody Requests.Import request) {
        return created(service.importCertificate(request));
    }

    @GetMapping(value = "/{serial}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(READERS)
    public CertificateView get(@PathVariable String serial) {
        return queries.view(service.get(serial));
    }

    @GetMapping(value = "/{serial}", produces = "application/pkix-cert")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> der(@PathVariable String serial) {
        Certificate certificate = service.get(serial);
        return ResponseEntity.ok().contentType(PKIX_CERT)
                .header("Content-Disposition", "attachment; filename=\"" + certificate.serial() + ".cer\"")
                .body(certificate.der());
    }

    @GetMapping(value = "/{serial}", produces = "application/x-pem-file")
    @PreAuthorize(READERS)
    public ResponseEntity<String> pem(@PathVariable String serial) {
        return ResponseEntity.ok().contentType(PEM).body(Pki.pem("CERTIFICATE", service.get(serial).der()));
    }

    @GetMapping
    @PreAuthorize(READERS)
    public PageResult<CertificateView> list(@RequestParam(required = false) String agency,
            @RequestParam(defaultValue = "true") boolean subtree, @RequestParam(required = false) Long subscriber,
            @RequestParam(required = false) Validity status, @RequestParam(required = false) Integer expiringWithinDays,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 3660)) {
            throw ApiException.badField("expiringWithinDays", "error.certificate.expiringWithinDays");
        }
        var filter = new CertificateQueries.Filter(agency, subtree, subscriber, status, expiringWithinDays, q);
        return queries.list(filter, PageResult.PageRequest.of(page, size, maxPageSize));
    }

    /** Under four eyes (an organisation's certificate, when the rule is on) answers 202 with the approval to wait for. */
    @PostMapping("/{serial}/revoke")
    @PreAuthorize(WRITERS)
    public ResponseEntity<?> revoke(@PathVariable String serial, @Valid @RequestBody Requests.Revoke request) {
        var pending = fourEyes.prepareRevocation(serial, request);
        if (pending.isPresent()) {
            return waiting(pending.get());
        }
        return ResponseEntity.ok(queries.view(service.revoke(serial, request)));
    }

    @PostMapping("/{serial}/release")
    @PreAuthorize(WRITERS)
    public CertificateView release(@PathVariable String serial) {
        return queries.view(service.release(serial));
    }

    @PostMapping("/{serial}/renew")
    @PreAuthorize(WRITERS)
    public ResponseEntity<CertificateView> renew(@PathVariable String serial,
            @Valid @RequestBody(required = false) Requests.Renew request) {
        return created(service.renew(serial, request == null ? new Requests.Renew(null, null) : request));
    }

    @PostMapping("/{serial}/reissue")
    @PreAuthorize(WRITERS)
    public ResponseEntity<CertificateView> reissue(@PathVariable String serial,
            @Valid @RequestBody(required = false) Requests.Renew request) {
        return created(service.reissue(serial, request == null ? new Requests.Renew(null, null) : request));
    }

    /**
     * Revokes all unrevoked certificates of an agency (subtree=true: and below it) or of a
     * subscriber. A dry run unless dryRun is false; the answer lists every certificate and what
     * happened (or would happen) to it; a real run under four eyes answers 202 with the approval to wait for.
     */
    @PostMapping("/bulk-revoke")
    @PreAuthorize(WRITERS)
    public ResponseEntity<?> bulkRevoke(@Valid @RequestBody BulkRevocation.Request request) {
        var pending = fourEyes.prepareBulk(request);
        if (pending.isPresent()) {
            return waiting(pending.get());
        }
        return ResponseEntity.ok(bulk.run(request));
    }

    private ResponseEntity<?> waiting(vn.kyso.approval.PendingApproval pending) {
        return ResponseEntity.accepted().header("Location", "/api/v1/approvals/" + pending.id())
                .body(approvals.view(pending));
    }

    public record CaseView(RevocationCase revocationCase, RevocationReason reason, String vi, String en) {
    }

    /** The Vietnamese revocation cases and the RFC 5280 reason each one means. */
    @GetMapping("/revocation-reasons")
    @PreAuthorize("isAuthenticated()")
    public List<CaseView> revocationReasons() {
        return Arrays.stream(RevocationCase.values()).map(c -> new CaseView(c, c.reason(), c.vi(), c.en())).toList();
    }

    private ResponseEntity<CertificateView> created(Certificate certificate) {
        var location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/certificates/{serial}").build(certificate.serial());
        return ResponseEntity.created(location).body(queries.view(certificate));
    }
}
