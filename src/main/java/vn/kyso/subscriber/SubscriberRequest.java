package vn.kyso.subscriber;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The fields of Mẫu 01–03. Which are required depends on {@code type}; SubscriberService checks that. */
public record SubscriberRequest(
        @NotNull SubscriberType type,
        @NotBlank @Size(max = 40) String agencyCode,
        @NotBlank @Size(max = 300) String fullName,
        @NotBlank @Size(max = 254) String email,
        @Size(max = 20) String nationalId,
        LocalDate nationalIdIssueDate,
        @Size(max = 200) String nationalIdIssuePlace,
        LocalDate dateOfBirth,
        @Size(max = 200) String position,
        @Size(max = 25) String phone,
        @Pattern(regexp = "\\d{10}(-\\d{3})?") String taxCode,
        @Pattern(regexp = "\\d{7}") String budgetCode,
        @Size(max = 500) String address,
        @Size(max = 100) String province,
        Long version) {
}
