package vn.kyso.token;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public final class TokenRequests {

    private TokenRequests() {
    }

    /** A token received from the provider; with agencyCode it is allocated at once. */
    public record Receive(
            @NotBlank @Size(max = 64) String serial,
            @NotBlank @Size(max = 40) String model,
            @Size(max = 40) String agencyCode,
            @Size(max = 64) String batch,
            LocalDate receivedOn,
            @Size(max = 1000) String notes) {
    }

    /** The body of POST /tokens/{serial}/{action}: what the action needs, why, and the version read. */
    public record Act(
            @Size(max = 40) String agencyCode,
            Long subscriberId,
            @Size(max = 1000) String note,
            Long version) {
    }

    public record Model(
            @NotBlank @Size(max = 40) String code,
            @NotBlank @Size(max = 100) String vendor,
            @NotBlank @Size(max = 200) String name,
            int pinMinLength,
            int pinMaxLength,
            int maxPinTries) {
    }
}
