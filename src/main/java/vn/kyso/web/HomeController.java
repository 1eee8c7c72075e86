package vn.kyso.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.kyso.security.CurrentUser;

@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser.get().ifPresent(user -> model.addAttribute("user", user));
        return "home";
    }
}
