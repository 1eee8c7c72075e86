package vn.kyso.certificate;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the certificate calls. */
public final class Requests {

    private Requests() {
    }

    public record Issue(
            @NotNull Long subscriberId,
            @NotBlank @Size(max = 65536) String csr,
            Profile profile,
            Integer validityDays,
            Storage storage,
            @Size(max = 64) String tokenSerial) {
    }

    public record Import(
            @NotBlank @Size(max = 262144) String pem,
            @NotNull Long subscriberId,
            Storage storage,
            @Size(max = 64) String tokenSerial) {
    }

    /** Either an RFC 5280 {@code reason} or a Vietnamese {@code case}, which implies one. */
    public record Revoke(
            RevocationReason reason,
            @com.fasterxml.jackson.annotation.JsonProperty("case") RevocationCase revocationCase,
            Instant invalidityDate,
            @Size(max = 1000) String comment) {
    }

    public record Renew(
            @Size(max = 65536) String csr,
            Integer validityDays) {
    }
}
