package vn.kyso.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import vn.kyso.common.Bilingual;
import vn.kyso.common.Messages;

/** Helpers the templates call as {@code @pageText}: the report's bilingual texts and times, as a person reads them. */
@Component("pageText")
public class PageText {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy").withZone(VIETNAM);

    public String pick(Bilingual text) {
        return text == null ? "" : Messages.pick(text);
    }

    /** Officials read times in Vietnam's zone whatever the server's; the zone is said on the page. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** The same list on another page: every filter in the address kept, only the page changed. */
    public String pageLink(int page) {
        var request = ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
        return org.springframework.web.util.UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString()).replaceQueryParam("page", page).build().toUriString();
    }

    /** The card's colour: only a full pass is green and only a definite failure is red. */
    public String tone(Object indication) {
        String name = String.valueOf(indication);
        return switch (name) {
            case "TOTAL_PASSED" -> "ok";
            case "TOTAL_FAILED" -> "bad";
            default -> "unknown";
        };
    }
}
