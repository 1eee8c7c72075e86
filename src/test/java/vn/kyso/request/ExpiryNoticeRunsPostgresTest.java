package vn.kyso.request;

import com.icegreen.greenmail.util.GreenMail;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.kyso.support.PostgresContext;

class ExpiryNoticeRunsPostgresTest extends PostgresContext implements ExpiryNoticeRuns {

    static final GreenMail MAIL = Mailbox.started();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        Mailbox.register(registry, MAIL);
    }

    @Override
    public GreenMail mail() {
        return MAIL;
    }
}
