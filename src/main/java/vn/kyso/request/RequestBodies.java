package vn.kyso.request;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.kyso.certificate.RevocationCase;

/** The bodies of the request calls. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public record Create(
            @NotNull RequestKind kind,
            @NotBlank @Size(max = 40) String agencyCode,
            RequestKind.FiledBy filedBy,
            @Size(max = 100) String reference,
            @NotBlank @Size(max = 200) String signerName,
            @Size(max = 200) String signerPosition,
            @NotBlank @Size(max = 200) String contactName,
            @Pattern(regexp = "\\+?[0-9 .-]{8,20}") String contactPhone,
            @Email @Size(max = 254) String contactEmail,
            @Size(max = 1000) String note,
            /* When the letter reached the registrar, if earlier than now (registrars only). */
            Instant receivedAt,
            @NotEmpty List<@Valid @NotNull Item> items) {
    }

    /**
     * One row of the form. Which fields belong depends on the kind: a subscriber (and an old
     * serial) for Mẫu 01–03; a certificate, change, field and new value for Mẫu 04; certificate,
     * token, case, ID or tax code and a contact for Mẫu 05; a token for Mẫu 06.
     */
    public record Item(
            Long subscriberId,
            @Size(max = 64) String oldCertificateSerial,
            @Size(max = 64) String certificateSerial,
            @Size(max = 64) String tokenSerial,
            RequestKind.Change change,
            @Size(max = 100) String field,
            @Size(max = 500) String newValue,
            @com.fasterxml.jackson.annotation.JsonProperty("case") RevocationCase revocationCase,
            @Size(max = 14) String identityNumber,
            @Size(max = 300) String collectionContact) {
    }

    /** The body of POST /requests/{id}/{transition}. */
    public record Act(
            @Size(max = 1000) String note,
            /* reject: why, required. */
            @Size(max = 1000) String reason,
            /* check: take a letter whose signature is not valid or not the agency's (a hand-signed, sealed first request). */
            Boolean acceptUnverifiedLetter,
            Long version) {

        static final Act EMPTY = new Act(null, null, null, null);
    }

    /** A certificate or a token the request produced or changed; item names the row, if one. */
    public record Link(
            @Size(max = 64) String certificateSerial,
            @Size(max = 64) String tokenSerial,
            Integer item,
            Long version) {
    }
}
