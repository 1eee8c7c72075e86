package vn.kyso.certificate;

import java.io.IOException;
import java.io.StringReader;
import java.security.PublicKey;
import java.util.Base64;

import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.springframework.http.HttpStatus;

import vn.kyso.ca.Pki;
import vn.kyso.common.ApiException;

/**
 * A PKCS#10 request, parsed strictly and checked for proof of possession: its signature must
 * verify with the key it asks to certify. Only the key is taken from it; the subject name is
 * Kyso's to write from the registered subscriber.
 */
final class Csr {

    private Csr() {
    }

    static PublicKey publicKey(String text, String field) {
        PKCS10CertificationRequest request = parse(text, field);
        var algorithm = request.getSignatureAlgorithm().getAlgorithm();
        if (algorithm.equals(PKCSObjectIdentifiers.md5WithRSAEncryption)
                || algorithm.equals(PKCSObjectIdentifiers.md2WithRSAEncryption)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.csr.weakSignature", field);
        }
        boolean valid;
        PublicKey key;
        try {
            var jca = new JcaPKCS10CertificationRequest(request).setProvider(Pki.BC);
            key = jca.getPublicKey();
            valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Pki.BC)
                    .build(request.getSubjectPublicKeyInfo()));
        } catch (Exception e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.csr.signature", field);
        }
        if (!valid) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.csr.signature", field);
        }
        String problem = KeyPolicy.problem(key);
        if (problem != null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, problem, field, Pki.keyAlgorithm(key), Pki.keySize(key));
        }
        return key;
    }

    private static PKCS10CertificationRequest parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ApiException.badField(field, "error.required");
        }
        try {
            if (text.contains("-----BEGIN")) {
                try (PEMParser parser = new PEMParser(new StringReader(text))) {
                    Object object = parser.readObject();
                    if (object instanceof PKCS10CertificationRequest request) {
                        return request;
                    }
                }
                throw ApiException.badField(field, "error.csr.malformed");
            }
            return new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(text.strip()));
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw ApiException.badField(field, "error.csr.malformed");
        } catch (RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badField(field, "error.csr.malformed");
        }
    }

}
