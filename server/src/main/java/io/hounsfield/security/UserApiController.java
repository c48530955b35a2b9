package io.hounsfield.security;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserApiController {

    private final UserService users;

    UserApiController(UserService users) {
        this.users = users;
    }

    /** Who the caller is: lets a client check its credentials. */
    @GetMapping("/api/me")
    UserAccount me(Principal principal) {
        return users.find(principal.getName()).orElseThrow();
    }

    @GetMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    List<UserAccount> list() {
        return users.list();
    }

    @PostMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    UserAccount create(@Valid @RequestBody NewUser user) {
        return users.create(user);
    }
}
