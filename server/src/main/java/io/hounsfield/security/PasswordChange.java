package io.hounsfield.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The password page's form: the new password follows the same rule as a new user's. */
record PasswordChange(
        @NotBlank(message = "is needed") String currentPassword,
        @NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String newPassword,
        String repeatedPassword) {}
