package vn.kyso.ca;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.kyso.audit.AuditLog;
import vn.kyso.common.ApiException;
import vn.kyso.common.Text;

/**
 * Roots an administrator trusts, such as the government's RootCA G2 from its official
 * publication point. Trust comes only from here and Kyso's own CA, never from a document.
 */
@RestController
@RequestMapping("/api/v1/trust-anchors")
public class TrustAnchorController {

    private final TrustAnchorRepository anchors;
    private final CertificateAuthorities authorities;
    private final AuditLog audit;
    private final Clock clock;

    public TrustAnchorController(TrustAnchorRepository anchors, CertificateAuthorities authorities, AuditLog audit,
            Clock clock) {
        this.anchors = anchors;
        this.authorities = authorities;
        this.audit = audit;
        this.clock = clock;
    }

    public record AnchorRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 65536) String pem) {
    }

    public record AnchorView(String name, String subjectDn, String sha256, Instant notAfter, boolean builtIn,
            Instant createdAt) {
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ResponseEntity<AnchorView> add(@Valid @RequestBody AnchorRequest request) {
        List<X509Certificate> certificates;
        try {
            certificates = Pki.certificates(request.pem().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("pem", "error.import.malformed");
        }
        if (certificates.size() != 1) {
            throw ApiException.badField("pem", "error.trust.oneCertificate", certificates.size());
        }
        X509Certificate certificate = certificates.get(0);
        if (certificate.getBasicConstraints() < 0 && certificate.getVersion() >= 3) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.trust.notCa", "pem");
        }
        if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            try {
                certificate.verify(certificate.getPublicKey(), Pki.BC);
            } catch (Exception e) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.trust.badSelfSignature", "pem");
            }
        }
        String name = Text.clean(request.name());
        String sha256 = Pki.sha256Hex(Pki.encoded(certificate));
        if (anchors.existsBySha256(sha256)) {
            throw ApiException.conflictOn("pem", "error.trust.duplicate");
        }
        if (anchors.existsByName(name)) {
            throw ApiException.conflictOn("name", "error.trust.duplicateName", name);
        }
        TrustAnchor anchor = new TrustAnchor();
        anchor.name = name;
        anchor.subjectDn = certificate.getSubjectX500Principal().getName();
        anchor.sha256 = sha256;
        anchor.certificate = Pki.encoded(certificate);
        anchor.notAfter = certificate.getNotAfter().toInstant();
        anchor.createdAt = clock.instant();
        anchors.save(anchor);
        audit.record(new AuditLog.Change("trust-anchor.add", "trust-anchor", name, null, null,
                Map.of("subject", anchor.subjectDn, "sha256", sha256)));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(anchor));
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    public List<AnchorView> list() {
        var root = authorities.builtIn().rootRecord();
        var builtIn = new AnchorView(root.name(), root.subjectDn(), Pki.sha256Hex(root.certificate), root.x509()
                .getNotAfter().toInstant(), true, root.createdAt);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(builtIn),
                anchors.findAllByOrderByName().stream().map(this::view)).toList();
    }

    private AnchorView view(TrustAnchor a) {
        return new AnchorView(a.name, a.subjectDn, a.sha256, a.notAfter, false, a.createdAt);
    }
}
