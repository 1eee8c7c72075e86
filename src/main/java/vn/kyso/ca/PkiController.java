package vn.kyso.ca;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.kyso.common.ApiException;

/** What relying parties fetch without signing in: CA certificates, CRLs, OCSP. */
@RestController
public class PkiController {

    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");
    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");
    private static final int MAX_OCSP_REQUEST = 16 * 1024;

    private final CertificateAuthorities authorities;
    private final CrlPublisher crls;
    private final OcspResponder ocsp;

    public PkiController(CertificateAuthorities authorities, CrlPublisher crls, OcspResponder ocsp) {
        this.authorities = authorities;
        this.crls = crls;
        this.ocsp = ocsp;
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

    @PostMapping(value = {"/ocsp", "/ocsp/"})
    public ResponseEntity<byte[]> ocspPost(HttpServletRequest request) throws IOException {
        byte[] body = readBounded(request.getInputStream());
        if (body == null) {
            return ocspAnswer(ocsp.respond(new byte[0]));
        }
        return ocspAnswer(ocsp.respond(body));
    }

    /** RFC 6960 A.1: the DER request, base64 and then URL-encoded, as the rest of the path. */
    @GetMapping("/ocsp/**")
    public ResponseEntity<byte[]> ocspGet(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/ocsp/".length());
        byte[] der;
        try {
            String base64 = URLDecoder.decode(path, StandardCharsets.US_ASCII).replace(' ', '+');
            der = base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            der = new byte[0];
        }
        return ocspAnswer(ocsp.respond(der));
    }

    private ResponseEntity<byte[]> ocspAnswer(byte[] response) {
        return ResponseEntity.status(HttpStatus.OK).contentType(OCSP_RESPONSE).cacheControl(CacheControl.noCache())
                .body(response);
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_OCSP_REQUEST + 1);
        return data.length > MAX_OCSP_REQUEST ? null : data;
    }

    private CaRecord ca(String file, String suffix) {
        if (!file.endsWith(suffix)) {
            throw ApiException.notFound("error.pki.notFound", file);
        }
        String name = file.substring(0, file.length() - suffix.length());
        return authorities.byName(name).orElseThrow(() -> ApiException.notFound("error.pki.notFound", file));
    }
}
