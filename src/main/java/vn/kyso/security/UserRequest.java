package vn.kyso.security;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record UserRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}") String username,
        @NotBlank @Size(min = 12, max = 128) String password,
        @NotBlank @Size(max = 200) String fullName,
        @NotEmpty Set<Role> roles,
        @Size(max = 40) String agencyCode) {
}
