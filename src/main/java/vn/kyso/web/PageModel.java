package vn.kyso.web;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.kyso.common.ProblemErrorController;
import vn.kyso.security.CurrentUser;
import vn.kyso.security.KysoPrincipal;
import vn.kyso.security.Role;

/**
 * What the shared layout needs on every page: who is signed in, which links their roles may use,
 * and where we are. The error pages get it too, so a clerk who hits one keeps the navigation.
 */
@ControllerAdvice(basePackageClasses = PageModel.class, assignableTypes = ProblemErrorController.class)
class PageModel {

    private final MessageSource messages;
    private final long sessionSeconds;

    PageModel(MessageSource messages,
            @org.springframework.beans.factory.annotation.Value("${server.servlet.session.timeout:30m}")
            java.time.Duration sessionTimeout) {
        this.messages = messages;
        this.sessionSeconds = sessionTimeout.toSeconds();
    }

    /** The signed-in user as the header shows them. */
    record Me(String username, String fullName, String roles, boolean canVerify, boolean canSeeHistory,
            boolean canSeeInventory, boolean canSeeDashboard, boolean canAudit, boolean canAdminister,
            java.util.Set<Role> roleSet) {
        /** The registrar's token and certificate pages; the auditor reads them. */
        public boolean canSeeRegistry() {
            return roleSet.contains(Role.ADMIN) || roleSet.contains(Role.REGISTRAR) || roleSet.contains(Role.AUDITOR);
        }

        public boolean canManageRegistry() {
            return roleSet.contains(Role.ADMIN) || roleSet.contains(Role.REGISTRAR);
        }
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAttribute("path", request.getRequestURI());
        CurrentUser.get().ifPresent(user -> model.addAttribute("me", me(user)));
        model.addAttribute("sessionSeconds", sessionSeconds);
    }

    private Me me(KysoPrincipal user) {
        String roles = user.roles().stream().sorted()
                .map(r -> messages.getMessage("role." + r.name(), null, r.name(), LocaleContextHolder.getLocale()))
                .collect(Collectors.joining(", "));
        boolean verifies = user.has(Role.ADMIN) || user.has(Role.REGISTRAR) || user.has(Role.CLERK)
                || user.has(Role.AGENCY_OFFICER);
        boolean registers = user.has(Role.ADMIN) || user.has(Role.REGISTRAR);
        boolean inventories = registers || user.has(Role.AUDITOR) || user.has(Role.AGENCY_OFFICER);
        return new Me(user.getUsername(), user.fullName(), roles, verifies, verifies || user.has(Role.AUDITOR),
                inventories, registers, user.has(Role.ADMIN) || user.has(Role.AUDITOR), user.has(Role.ADMIN),
                java.util.Set.copyOf(user.roles()));
    }
}
