package io.hounsfield.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A user to create, as typed into the admin form or sent to the API. */
public record NewUser(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, dot, dash and underscore only")
                String username,
        @NotBlank @Size(max = 200) String fullName,
        @NotNull Role role,
        @NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String password) {}
