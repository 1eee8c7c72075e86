package vn.kyso.security;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/users")
public class UserController {

    private final UserService service;

    public UserController(UserService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<UserView> create(@Valid @RequestBody UserRequest request) {
        AppUser user = service.create(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{username}").build(user.username());
        return ResponseEntity.created(location).body(service.view(user));
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    public List<UserView> list() {
        return service.list().stream().map(service::view).toList();
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    public UserView me() {
        return service.view(service.get(CurrentUser.require().getUsername()));
    }

    @GetMapping("/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    public UserView get(@PathVariable String username) {
        return service.view(service.get(username));
    }

    @PatchMapping("/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    public UserView update(@PathVariable String username, @Valid @RequestBody UserUpdate update) {
        return service.view(service.update(username, update));
    }
}
