package vn.kyso.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.kyso.security.Role;
import vn.kyso.security.UserRequest;
import vn.kyso.security.UserService;
import vn.kyso.security.UserUpdate;

/** The administrator's list of accounts: create one, release one from a login lock. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class AdminUserPages {

    private final UserService users;
    private final FormErrors problems;
    private final Clock clock;

    AdminUserPages(UserService users, FormErrors problems, Clock clock) {
        this.users = users;
        this.problems = problems;
        this.clock = clock;
    }

    /** What was typed, sent back with the errors; the password is never echoed. */
    record Form(String username, String fullName, Set<Role> roles, String agencyCode) {
        static Form empty() {
            return new Form("", "", EnumSet.noneOf(Role.class), "");
        }
    }

    @GetMapping
    String list(Model model) {
        return page(model, Form.empty(), FormErrors.none());
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String password, @RequestParam(required = false) List<Role> roles,
            @RequestParam(defaultValue = "") String agencyCode, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        Form form = new Form(username.strip(), fullName.strip(), chosen, agencyCode.strip());
        // The API checks these shapes with bean validation before the service sees them; the form must too
        Map<String, String> errors = FormErrors.none();
        if (!form.username().matches("[A-Za-z0-9][A-Za-z0-9._-]{2,63}")) {
            errors.put("username", problems.text("admin.error.username"));
        }
        if (form.fullName().isEmpty() || form.fullName().length() > 200) {
            errors.put("fullName", problems.text("admin.error.fullName"));
        }
        if (password.length() > 128) {
            errors.put("password", problems.text("admin.error.passwordLong"));
        }
        if (chosen.isEmpty()) {
            errors.put("roles", problems.text("admin.error.roles"));
        }
        if (form.agencyCode().length() > 40) {
            errors.put("agencyCode", problems.text("error.agency.unknown", form.agencyCode()));
        }
        if (errors.isEmpty()) {
            try {
                users.create(new UserRequest(form.username(), password, form.fullName(), chosen,
                        form.agencyCode().isEmpty() ? null : form.agencyCode()));
                redirect.addFlashAttribute("flash", problems.text("admin.users.created", form.username()));
                return "redirect:/admin/users";
            } catch (RuntimeException refusal) {
                problems.add(errors, refusal, "username");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, form, errors);
    }

    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        users.update(username, new UserUpdate(null, null, null, null, null, true));
        redirect.addFlashAttribute("flash", problems.text("admin.users.unlocked", username));
        return "redirect:/admin/users";
    }

    private String page(Model model, Form form, Map<String, String> errors) {
        model.addAttribute("users", users.list().stream().map(users::view).toList());
        model.addAttribute("now", clock.instant());
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/users";
    }
}
