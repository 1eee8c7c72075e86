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
        @DefaultValue Limits limits) {

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

    public record Limits(
            @DefaultValue("2MB") org.springframework.util.unit.DataSize maxJsonBody,
            @DefaultValue("500") int maxPageSize) {
    }
}
