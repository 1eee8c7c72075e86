package vn.kyso.ca;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.kyso.common.ApiException;

/** POST a CRL of an outside CA, DER (application/pkix-crl) or PEM, as the request body. */
@RestController
@RequestMapping("/api/v1/crls")
public class CrlImportController {

    private final CrlImport crlImport;

    public CrlImportController(CrlImport crlImport) {
        this.crlImport = crlImport;
    }

    @PostMapping(consumes = {"application/pkix-crl", "application/x-pem-file", "application/octet-stream", "text/plain"})
    @PreAuthorize("hasAnyRole('ADMIN','REGISTRAR')")
    public ResponseEntity<CrlImport.Result> apply(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length == 0) {
            throw ApiException.badField("crl", "error.required");
        }
        return ResponseEntity.status(HttpStatus.OK).body(crlImport.apply(body));
    }
}
