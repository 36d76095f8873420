package org.hostledger.api.pages;

import org.hostledger.api.web.ReadsNoView;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /login}: the sign-in form of the pages; Spring Security handles its POST, with the CSRF token it carries. */
@ReadsNoView
@Controller
class LoginPageController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
