package vn.kyso.ca;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.kyso.common.ApiException;

/** What relying parties fetch without signing in: CA certificates and CRLs ({@link OcspServlet} answers OCSP). */
@RestController
public class PkiController {

    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");
    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");

    private final CertificateAuthorities authorities;
    private final CrlPublisher crls;

    public PkiController(CertificateAuthorities authorities, CrlPublisher crls) {
        this.authorities = authorities;
        this.crls = crls;
    }

    @GetMapping("/ca/{file}")
    public ResponseEntity<byte[]> caCertificate(@PathVariable String file) {
        CaRecord ca = ca(file, ".crt");
        return ResponseEntity.ok().contentType(PKIX_CERT).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(ca.certificate);
    }

    @GetMapping("/crl/{file}")
    public ResponseEntity<byte[]> crl(@PathVariable String file) {
        CaRecord ca = ca(file, ".crl");
        if (ca.kind() != CaKind.BUILT_IN) {
            throw ApiException.notFound("error.pki.notFound", file);
        }
        CrlPublisher.Crl crl = crls.current(ca);
        // short caching: a revocation must reach clients that poll within a second or so
        return ResponseEntity.ok().contentType(PKIX_CRL).cacheControl(CacheControl.noCache())
                .lastModified(crl.thisUpdate()).body(crl.der());
    }

    private CaRecord ca(String file, String suffix) {
        if (!file.endsWith(suffix)) {
            throw ApiException.notFound("error.pki.notFound", file);
        }
        String name = file.substring(0, file.length() - suffix.length());
        return authorities.byName(name).orElseThrow(() -> ApiException.notFound("error.pki.notFound", file));
    }
}
