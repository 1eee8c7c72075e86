package vn.kyso.agency;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Creates an agency (code required) or replaces its editable fields (code ignored, version checked if given). */
public record AgencyRequest(
        @Pattern(regexp = AgencyRequest.CODE) String code,
        @NotBlank @Size(max = 300) String name,
        @Pattern(regexp = AgencyRequest.CODE) String parentCode,
        @Pattern(regexp = "\\d{10}(-\\d{3})?") String taxCode,
        @Pattern(regexp = "\\d{7}") String budgetCode,
        @Size(max = 100) String province,
        @Size(max = 254) String email,
        @Size(max = 500) String address,
        Long version) {

    /** Letters, digits, dots and hyphens, as in the national agency identifiers (000.00.31.H29). */
    static final String CODE = "[A-Za-z0-9][A-Za-z0-9.-]{0,39}";
}
