package vn.kyso.ca;

import java.security.cert.X509Certificate;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A root (or other CA) an administrator chose to trust, such as the government's RootCA G2. */
@Table("trust_anchor")
public class TrustAnchor {
    @Id
    Long id;
    String name;
    String subjectDn;
    String sha256;
    byte[] certificate;
    Instant notAfter;
    Instant createdAt;

    public String name() { return name; }
    public String subjectDn() { return subjectDn; }
    public String sha256() { return sha256; }
    public Instant notAfter() { return notAfter; }
    public Instant createdAt() { return createdAt; }

    public X509Certificate x509() {
        return ParsedCertificates.of(certificate);
    }
}
