package vn.kyso.common;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an operator can set. Environment variables follow Spring's relaxed binding
 * (KYSO_DB_URL is kyso.db.url); application.yml maps the names the contract promises.
 */
@ConfigurationProperties("kyso")
public record KysoProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue Admin admin,
        @DefaultValue("false") boolean demo,
        @DefaultValue Subscribers subscribers,
        @DefaultValue Login login,
        @DefaultValue Limits limits,
        @DefaultValue Ca ca,
        @DefaultValue Certificates certificates) {

    public record Db(
            String url,
            String user,
            String password,
            /* FULL: a commit acknowledged to a registrar survives a power cut, not only a crash. */
            @DefaultValue("FULL") String sqliteSynchronous,
            @DefaultValue("8") int poolSize) {
    }

    public record Admin(String username, String password) {
    }

    public record Subscribers(
            /* An official email must be in one of these domains or a subdomain of one. Empty: any domain. */
            @DefaultValue("gov.vn") List<String> officialEmailDomains,
            @DefaultValue("true") boolean requireNationalIdForIndividuals) {
    }

    public record Login(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("60s") Duration firstLockout,
            @DefaultValue("15m") Duration maxLockout,
            /* Failures from one address, whatever the user name, before that address waits. */
            @DefaultValue("30") int maxFailuresPerClient,
            @DefaultValue("10m") Duration clientWindow) {
    }

    public record Ca(
            /* O= of Kyso's own CA certificates. */
            @DefaultValue("Kyso") String organization,
            /* Protects the PKCS#12 key store; without it one is generated into <data dir>/ca/. */
            String keystorePassword,
            /* Where clients reach this service: written into certificates' CRL and OCSP addresses. */
            @DefaultValue("http://localhost:8080") String publicUrl,
            @DefaultValue("24h") Duration crlValidity,
            /* A CRL is re-signed at the latest this long after the last one, even with nothing new. */
            @DefaultValue("1h") Duration crlRefresh,
            @DefaultValue("1h") Duration ocspValidity,
            /* When library is set, the CA's keys live in this PKCS#11 token instead of the key store file. */
            @DefaultValue Pkcs11 pkcs11) {

        public record Pkcs11(String library, Integer slot, Integer slotListIndex, String pin) {
        }
    }

    public record Certificates(
            /* Decree 68: a new subscriber certificate lasts at most 5 years, each renewal at most 3. */
            @DefaultValue("1826") int maxValidityDays,
            @DefaultValue("1096") int maxRenewalDays,
            @DefaultValue("1095") int defaultValidityDays,
            /* Older guidance allowed one renewal only; -1 means no limit. */
            @DefaultValue("-1") int maxRenewals,
            /* Older guidance: renew only with at least this many days left; 0 means any time before expiry. */
            @DefaultValue("0") int minDaysLeftToRenew,
            @DefaultValue("60") int expiringSoonDays) {
    }

    public record Limits(
            @DefaultValue("2MB") org.springframework.util.unit.DataSize maxJsonBody,
            /* A national CA's CRL runs to megabytes. */
            @DefaultValue("64MB") org.springframework.util.unit.DataSize maxCrlBody,
            @DefaultValue("500") int maxPageSize) {
    }
}
