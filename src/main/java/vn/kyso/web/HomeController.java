package vn.kyso.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    /** Asked by the page when the person chooses to stay signed in: any request keeps the session alive. */
    @GetMapping("/session/alive")
    org.springframework.http.ResponseEntity<Void> alive() {
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    /** Where {@link UploadLimitFilter} sends an upload over the limit. */
    @GetMapping(UploadLimitFilter.TOO_LARGE_PAGE)
    String uploadTooLarge(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        model.addAttribute("status", HttpStatus.CONTENT_TOO_LARGE.value());
        model.addAttribute("messageKey", "error.upload.tooLarge");
        return "error";
    }
}
