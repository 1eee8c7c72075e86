package vn.kyso.certificate;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.kyso.agency.Agency;
import vn.kyso.agency.AgencyRepository;
import vn.kyso.agency.AgencyScopes;
import vn.kyso.agency.AgencyService;
import vn.kyso.agency.AgencyStatus;
import vn.kyso.audit.AuditLog;
import vn.kyso.ca.BuiltInCa;
import vn.kyso.ca.CaKind;
import vn.kyso.ca.CaRecord;
import vn.kyso.ca.CaRepository;
import vn.kyso.ca.CertificateAuthorities;
import vn.kyso.ca.CertificateSpec;
import vn.kyso.ca.Pki;
import vn.kyso.common.ApiException;
import vn.kyso.common.KysoProperties;
import vn.kyso.common.Text;
import vn.kyso.common.db.GroupCommit;
import vn.kyso.subscriber.Subscriber;
import vn.kyso.subscriber.SubscriberService;
import vn.kyso.subscriber.SubscriberStatus;

/**
 * The life of a certificate: issued here or imported from outside, renewed or replaced, put on
 * hold, revoked. Each change is one transaction with its audit entry; each revocation marks the
 * CA's CRL stale in the same transaction, so CRL and OCSP show it as soon as it commits.
 */
@Service
public class CertificateService {

    /** A leaf with its chain: government chains have two or three certificates. */
    static final int MAX_IMPORT_CERTIFICATES = 10;

    /** Tolerates clocks a little behind Kyso's on the relying party's side. */
    private static final Duration BACKDATE = Duration.ofMinutes(1);

    private final CertificateRepository certificates;
    private final CertificateQueries queries;
    private final SubscriberService subscribers;
    private final AgencyRepository agencies;
    private final AgencyService agencyService;
    private final AgencyScopes scopes;
    private final CertificateAuthorities authorities;
    private final CaRepository cas;
    private final AuditLog audit;
    private final Clock clock;
    private final KysoProperties.Certificates policy;
    private final vn.kyso.token.TokenLinks tokenLinks;
    private final vn.kyso.approval.FourEyes fourEyes;
    private final CertificateNames names;
    private final GroupCommit groupCommit;
    private final vn.kyso.ca.Holds holds;

    public CertificateService(CertificateRepository certificates, CertificateQueries queries,
            SubscriberService subscribers, AgencyRepository agencies, AgencyService agencyService, AgencyScopes scopes,
            CertificateAuthorities authorities, CaRepository cas, AuditLog audit, Clock clock,
            KysoProperties properties, vn.kyso.token.TokenLinks tokenLinks, vn.kyso.approval.FourEyes fourEyes,
            CertificateNames names, GroupCommit groupCommit, vn.kyso.ca.Holds holds) {
        this.certificates = certificates;
        this.queries = queries;
        this.subscribers = subscribers;
        this.agencies = agencies;
        this.agencyService = agencyService;
        this.scopes = scopes;
        this.authorities = authorities;
        this.cas = cas;
        this.audit = audit;
        this.clock = clock;
        this.policy = properties.certificates();
        this.tokenLinks = tokenLinks;
        this.fourEyes = fourEyes;
        this.names = names;
        this.groupCommit = groupCommit;
        this.holds = holds;
    }

    /**
     * Checked and signed first, in the caller's thread; then stored, on SQLite in a transaction
     * shared with the issues waiting beside it (GroupCommit), inside the caller's transaction if
     * there is one.
     */
    public Certificate issue(Requests.Issue request) {
        PreparedIssue prepared = prepareIssue(request);
        return groupCommit.run(() -> store(prepared));
    }

    /** What {@link #prepareIssue} checked and signed, before anything was written. */
    record PreparedIssue(Requests.Issue request, Subscriber subscriber, Profile profile, PublicKey key,
            int days, Certificate certificate) {
    }

    /**
     * Checks an issue request and signs its certificate, writing nothing. The CSR's signature and
     * the CA's are most of an issue's CPU; done here, they stay out of the transaction that stores
     * the certificate (on SQLite, the one writer that every issue waits for).
     */
    PreparedIssue prepareIssue(Requests.Issue request) {
        Subscriber subscriber = activeSubscriber(request.subscriberId());
        Profile profile = request.profile() == null ? Profile.defaultFor(subscriber.type()) : request.profile();
        if (profile.subscriberType() != subscriber.type()) {
            throw ApiException.badField("profile", "error.certificate.profileMismatch", profile, subscriber.type());
        }
        int days = days(request.validityDays(), policy.defaultValidityDays(), policy.maxValidityDays());
        PublicKey key = Csr.publicKey(request.csr(), "csr");
        checkKeyNotUsedByOthers(key, subscriber.id());
        Instant now = clock.instant();
        Certificate signed = sign(subscriber, key, profile, now, now.plus(Duration.ofDays(days)), "validityDays");
        return new PreparedIssue(request, subscriber, profile, key, days, signed);
    }

    /** Stores a prepared issue, checking again, in this transaction, what may have changed since. */
    @Transactional
    Certificate store(PreparedIssue prepared) {
        Subscriber subscriber = activeSubscriber(prepared.subscriber().id());
        checkKeyNotUsedByOthers(prepared.key(), subscriber.id());
        Long tokenId = tokenLinks.forCertificate(prepared.request().tokenSerial(), subscriber);
        Certificate issued = prepared.certificate();
        if (!java.util.Objects.equals(subscriber.version(), prepared.subscriber().version())) {
            // the subscriber changed meanwhile: the subject must say what is true now
            Instant now = clock.instant();
            issued = sign(subscriber, prepared.key(), prepared.profile(), now,
                    now.plus(Duration.ofDays(prepared.days())), "validityDays");
        }
        issued.storage = prepared.request().storage() == null ? Storage.TOKEN : prepared.request().storage();
        issued.tokenId = tokenId;
        saveNew(issued);
        audit.record(change("certificate.issue", issued, null));
        return issued;
    }

    /** Renewal: a new certificate for the same subscriber and profile, valid at most 3 more years. */
    @Transactional
    public Certificate renew(String serial, Requests.Renew request) {
        Certificate old = get(serial);
        requireRenewable(old);
        Instant now = clock.instant();
        // Claims the old certificate: its version moves, so a second renewal or a revocation of it
        // running at the same time fails with 409 rather than both committing (PostgreSQL reads the
        // same row in both transactions and renewal writes nothing else that would collide).
        old.updatedAt = now;
        certificates.save(old);
        if (policy.maxRenewals() >= 0 && old.renewalCount >= policy.maxRenewals()) {
            throw ApiException.conflict("error.certificate.renewalLimit", policy.maxRenewals());
        }
        long daysLeft = Duration.between(now, old.notAfter).toDays();
        if (policy.minDaysLeftToRenew() > 0 && daysLeft < policy.minDaysLeftToRenew()) {
            throw ApiException.conflict("error.certificate.renewalTooLate", policy.minDaysLeftToRenew(), daysLeft);
        }
        int days = days(request.validityDays(), policy.maxRenewalDays(), policy.maxRenewalDays());
        Subscriber subscriber = activeSubscriber(old.subscriberId);
        PublicKey key = keyFor(old, request.csr(), subscriber);
        Certificate renewed = sign(subscriber, key, old.profile, now, now.plus(Duration.ofDays(days)), "validityDays");
        renewed.storage = old.storage;
        renewed.tokenId = old.tokenId;
        renewed.replacesId = old.id;
        renewed.renewalCount = old.renewalCount + 1;
        saveNew(renewed);
        audit.record(change("certificate.renew", renewed, old.serial));
        return renewed;
    }

    /**
     * Change of information (Mẫu 04): a new certificate with the subscriber's current details,
     * valid until the old one would have expired; the old one is revoked as superseded.
     */
    @Transactional
    public Certificate reissue(String serial, Requests.Renew request) {
        Certificate old = get(serial);
        requireRenewable(old);
        Instant now = clock.instant();
        Instant notAfter = old.notAfter;
        if (request.validityDays() != null) {
            notAfter = now.plus(Duration.ofDays(days(request.validityDays(), 0, policy.maxRenewalDays())));
        }
        Subscriber subscriber = activeSubscriber(old.subscriberId);
        PublicKey key = keyFor(old, request.csr(), subscriber);
        Certificate replacement = sign(subscriber, key, old.profile, now, notAfter, "validityDays");
        replacement.storage = old.storage;
        replacement.tokenId = old.tokenId;
        replacement.replacesId = old.id;
        saveNew(replacement);
        markRevoked(old, RevocationReason.SUPERSEDED, RevocationCase.INFORMATION_CHANGED, null,
                "→ " + replacement.serial, now);
        audit.record(change("certificate.reissue", replacement, old.serial));
        return replacement;
    }

    @Transactional
    public Certificate revoke(String serial, Requests.Revoke request) {
        Certificate certificate = get(serial);
        RevocationReason reason = checkRevocable(certificate, request);
        if (organization(certificate)) {
            fourEyes.guard(vn.kyso.approval.ApprovalAction.ORGANIZATION_REVOCATION);
        }
        Instant now = clock.instant();
        var before = queries.view(certificate);
        markRevoked(certificate, reason, request.revocationCase(), request.invalidityDate(), request.comment(), now);
        String action = reason == RevocationReason.CERTIFICATE_HOLD ? "certificate.hold" : "certificate.revoke";
        audit.record(new AuditLog.Change(action, "certificate", certificate.serial, agencyOf(certificate), before,
                queries.view(certificate)));
        return certificate;
    }

    /** The checks a revocation makes before anything changes; the reason it will use. */
    public RevocationReason checkRevocable(Certificate certificate, Requests.Revoke request) {
        RevocationReason reason = request.reason() != null ? request.reason()
                : request.revocationCase() != null ? request.revocationCase().reason() : null;
        if (reason == null) {
            throw ApiException.badField("reason", "error.certificate.reasonRequired");
        }
        if (request.invalidityDate() != null && request.invalidityDate().isAfter(clock.instant())) {
            throw ApiException.badField("invalidityDate", "error.certificate.invalidityInFuture");
        }
        if (certificate.status == CertificateStatus.REVOKED) {
            throw ApiException.conflict("error.certificate.alreadyRevoked", certificate.serial, certificate.revokedAt);
        }
        if (reason == RevocationReason.CERTIFICATE_HOLD) {
            if (!authorities.of(authorities.byId(certificate.caId)).supportsHold()) {
                throw ApiException.conflictOn("reason", "error.certificate.holdNotSupported");
            }
            if (certificate.status == CertificateStatus.ON_HOLD) {
                throw ApiException.conflict("error.certificate.alreadyOnHold", certificate.serial);
            }
        }
        return reason;
    }

    /** An organisation's (seal) certificate: its revocation may need a second registrar. */
    public boolean organization(Certificate certificate) {
        return subscribers.get(certificate.subscriberId).type() == vn.kyso.subscriber.SubscriberType.ORGANIZATION;
    }

    /** Takes a certificate off hold (removeFromCRL): it is good again. */
    @Transactional
    public Certificate release(String serial) {
        Certificate certificate = get(serial);
        if (certificate.status != CertificateStatus.ON_HOLD) {
            throw ApiException.conflict("error.certificate.notOnHold", certificate.serial, certificate.status);
        }
        var before = queries.view(certificate);
        Instant now = clock.instant();
        holds.ended(certificate.id, now);
        certificate.status = CertificateStatus.GOOD;
        certificate.revokedAt = null;
        certificate.revocationReason = null;
        certificate.revocationCase = null;
        certificate.invalidityDate = null;
        certificate.revocationComment = null;
        certificate.updatedAt = now;
        certificates.save(certificate);
        cas.bumpRevocationVersion(certificate.caId);
        audit.record(new AuditLog.Change("certificate.release", "certificate", certificate.serial,
                agencyOf(certificate), before, queries.view(certificate)));
        return certificate;
    }

    /**
     * Records a certificate issued elsewhere. It must chain to a configured trust anchor (checked
     * as of its own notBefore, so an expired certificate can still be recorded) and name the
     * subscriber it is linked to, by name or e-mail.
     */
    @Transactional
    public Certificate importCertificate(Requests.Import request) {
        List<X509Certificate> all;
        try {
            all = Pki.certificates(request.pem().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("pem", "error.import.malformed");
        }
        // A leaf and its chain; every extra certificate is another candidate the path builder may try.
        if (all.size() > MAX_IMPORT_CERTIFICATES) {
            throw ApiException.badField("pem", "error.import.tooManyCertificates", MAX_IMPORT_CERTIFICATES);
        }
        X509Certificate leaf = all.stream().filter(c -> c.getBasicConstraints() < 0).findFirst()
                .orElseThrow(() -> ApiException.badField("pem", "error.import.noEndEntity"));
        List<X509Certificate> others = new ArrayList<>(all);
        others.remove(leaf);
        Subscriber subscriber = activeOrFormerSubscriber(request.subscriberId());
        String serial = Pki.hex(leaf.getSerialNumber());
        if (certificates.findBySerial(serial).isPresent()) {
            throw ApiException.conflictOn("pem", "error.import.duplicate", serial);
        }
        CertificateAuthorities.IssuerPath path;
        try {
            path = authorities.chainToAnchor(leaf, others, leaf.getNotBefore().toInstant().plusSeconds(1));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.import.untrusted", "pem", e.getMessage());
        }
        if (!SubjectMatch.matches(leaf, subscriber)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.import.subscriberMismatch", "subscriberId",
                    leaf.getSubjectX500Principal().getName(), subscriber.fullName());
        }
        CaRecord issuer = authorities.recordFor(path.issuer(), path.above());
        if (issuer.kind() == CaKind.BUILT_IN) {
            throw ApiException.conflictOn("pem", "error.import.ownCertificate");
        }
        Certificate imported = record(leaf, issuer, subscriber, Source.IMPORTED, null);
        imported.storage = request.storage() == null ? Storage.TOKEN : request.storage();
        imported.tokenId = tokenLinks.forCertificate(request.tokenSerial(), subscriber);
        queries.crlEntry(issuer.id(), serial).ifPresent(entry -> {
            imported.status = CertificateStatus.REVOKED;
            imported.revokedAt = entry.revokedAt();
            imported.revocationReason = entry.reason();
        });
        saveNew(imported);
        audit.record(change("certificate.import", imported, null));
        return imported;
    }

    /**
     * Revokes every certificate on a token that is still good or on hold and not yet expired, in
     * the caller's transaction: a lost token takes its keys with it.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<String> revokeAllOnToken(long tokenId, RevocationCase revocationCase, Instant at) {
        List<String> revoked = new ArrayList<>();
        for (Certificate c : certificates.findByTokenIdAndStatusNot(tokenId, CertificateStatus.REVOKED)) {
            if (!c.notAfter.isAfter(at)) {
                continue;
            }
            var before = queries.view(c);
            // the report time is the last moment the key is known to have been safe
            markRevoked(c, revocationCase.reason(), revocationCase, at, null, at);
            audit.record(new AuditLog.Change("certificate.revoke", "certificate", c.serial, agencyOf(c), before,
                    queries.view(c)));
            revoked.add(c.serial);
        }
        return revoked;
    }

    /** Revokes the given certificates of a departing subscriber, in the caller's transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<String> revokeForDeparture(List<Long> certificateIds, RevocationCase revocationCase, Instant at) {
        List<String> revoked = new ArrayList<>();
        for (Certificate c : certificates.findAllById(certificateIds)) {
            var before = queries.view(c);
            markRevoked(c, revocationCase.reason(), revocationCase, null, null, at);
            audit.record(new AuditLog.Change("certificate.revoke", "certificate", c.serial, agencyOf(c), before,
                    queries.view(c)));
            revoked.add(c.serial);
        }
        return revoked;
    }

    public List<String> serialsOnToken(long tokenId) {
        return certificates.findByTokenIdAndStatusNot(tokenId, CertificateStatus.REVOKED).stream()
                .map(Certificate::serial).toList();
    }

    /** A certificate the current user may see, or 404. */
    public Certificate get(String serial) {
        String normalized = Pki.normalizeSerial(serial);
        if (normalized == null) {
            throw ApiException.badField("serial", "error.certificate.serialFormat");
        }
        return certificates.findBySerial(normalized).filter(queries::visible)
                .orElseThrow(() -> ApiException.notFound("error.certificate.notFound", normalized));
    }

    private static int days(Integer requested, int otherwise, int max) {
        int days = requested == null ? otherwise : requested;
        if (days < 1 || days > max) {
            throw ApiException.badField("validityDays", "error.certificate.validityDays", max);
        }
        return days;
    }

    private void requireRenewable(Certificate old) {
        if (old.source != Source.ISSUED) {
            throw ApiException.conflict("error.certificate.notOurs", old.serial);
        }
        Validity validity = old.validityAt(clock.instant());
        if (validity != Validity.VALID) {
            throw ApiException.conflict("error.certificate.notRenewable", old.serial, validity);
        }
        List<Certificate> successors = certificates.findByReplacesId(old.id);
        if (!successors.isEmpty()) {
            throw ApiException.conflict("error.certificate.alreadyReplaced", old.serial, successors.get(0).serial);
        }
    }

    private PublicKey keyFor(Certificate old, String csr, Subscriber subscriber) {
        if (csr == null || csr.isBlank()) {
            return Pki.certificate(old.der).getPublicKey();
        }
        PublicKey key = Csr.publicKey(csr, "csr");
        checkKeyNotUsedByOthers(key, subscriber.id());
        return key;
    }

    void markRevoked(Certificate certificate, RevocationReason reason, RevocationCase revocationCase,
            Instant invalidityDate, String comment, Instant now) {
        boolean wasOnHold = certificate.status == CertificateStatus.ON_HOLD;
        if (reason == RevocationReason.CERTIFICATE_HOLD && !wasOnHold) {
            holds.held(certificate.id, now);
        } else if (reason != RevocationReason.CERTIFICATE_HOLD && wasOnHold) {
            holds.ended(certificate.id, now);
        }
        certificate.status = reason == RevocationReason.CERTIFICATE_HOLD ? CertificateStatus.ON_HOLD
                : CertificateStatus.REVOKED;
        if (certificate.revokedAt == null || reason != RevocationReason.CERTIFICATE_HOLD) {
            certificate.revokedAt = now;
        }
        certificate.revocationReason = reason;
        certificate.revocationCase = revocationCase;
        certificate.invalidityDate = invalidityDate;
        certificate.revocationComment = Text.clean(comment);
        certificate.updatedAt = now;
        certificates.save(certificate);
        cas.bumpRevocationVersion(certificate.caId);
    }

    private Subscriber activeSubscriber(long id) {
        Subscriber subscriber = subscribers.get(id);
        if (subscriber.status() != SubscriberStatus.ACTIVE) {
            throw ApiException.conflictOn("subscriberId", "error.certificate.subscriberInactive", id, subscriber.status());
        }
        Agency agency = agencies.findById(subscriber.agencyId()).orElseThrow();
        if (agency.status() != AgencyStatus.ACTIVE) {
            throw ApiException.conflictOn("subscriberId", "error.agency.inactive", agency.code());
        }
        return subscriber;
    }

    private Subscriber activeOrFormerSubscriber(long id) {
        return subscribers.get(id);
    }

    private void checkKeyNotUsedByOthers(PublicKey key, long subscriberId) {
        if (certificates.countKeyUsedByOthers(Pki.spkiSha256(key), subscriberId) > 0) {
            throw ApiException.conflictOn("csr", "error.certificate.keyReused");
        }
    }

    private Certificate sign(Subscriber subscriber, PublicKey key, Profile profile, Instant now, Instant notAfter,
            String validityField) {
        BuiltInCa ca = authorities.builtIn();
        if (notAfter.isAfter(ca.issuingCertificate().getNotAfter().toInstant())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "error.certificate.beyondCa", validityField,
                    ca.issuingCertificate().getNotAfter().toInstant());
        }
        Agency agency = agencies.findById(subscriber.agencyId()).orElseThrow();
        // backdated for slow clocks, but never to before the issuing CA itself
        Instant caStart = ca.issuingCertificate().getNotBefore().toInstant();
        Instant notBefore = now.minus(BACKDATE).isBefore(caStart) ? caStart : now.minus(BACKDATE);
        var spec = new CertificateSpec(Pki.randomSerial(), SubjectNames.of(subscriber, agencyService.chain(agency)),
                key, notBefore, notAfter, profile.keyUsage(), profile.extendedKeyUsages(),
                profile.extendedKeyUsageCritical(), subscriber.email());
        X509Certificate x509 = ca.issue(spec);
        return record(x509, ca.issuingRecord(), subscriber, Source.ISSUED, profile);
    }

    private void saveNew(Certificate c) {
        certificates.save(c);
        names.index(c.id, c.searchKey);
    }

    private Certificate record(X509Certificate x509, CaRecord issuer, Subscriber subscriber, Source source,
            Profile profile) {
        Certificate c = new Certificate();
        c.serial = Pki.hex(x509.getSerialNumber());
        c.caId = issuer.id();
        c.subscriberId = subscriber.id();
        c.agencyId = subscriber.agencyId();
        c.profile = profile;
        c.source = source;
        c.subjectDn = x509.getSubjectX500Principal().getName();
        c.commonName = SubjectMatch.commonName(x509);
        c.searchKey = Text.fold(c.commonName == null ? subscriber.fullName() : c.commonName);
        c.notBefore = x509.getNotBefore().toInstant();
        c.notAfter = x509.getNotAfter().toInstant();
        c.keyAlgorithm = Pki.keyAlgorithm(x509.getPublicKey());
        c.keySize = Pki.keySize(x509.getPublicKey());
        c.spkiSha256 = Pki.spkiSha256(x509.getPublicKey());
        c.der = Pki.encoded(x509);
        c.status = CertificateStatus.GOOD;
        Instant now = clock.instant();
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    private Long agencyOf(Certificate certificate) {
        return subscribers.findAgencyId(certificate.subscriberId);
    }

    private AuditLog.Change change(String action, Certificate certificate, String replacedSerial) {
        var view = queries.view(certificate);
        Object before = replacedSerial == null ? null : java.util.Map.of("serialNumber", replacedSerial);
        return new AuditLog.Change(action, "certificate", certificate.serial, agencyOf(certificate), before, view);
    }

    AgencyScopes scopes() {
        return scopes;
    }
}
