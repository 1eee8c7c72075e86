package vn.kyso.request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the expiry notices every morning, Vietnam time; an administrator can also run them at once through the API. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiryNoticeJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryNoticeJob.class);

    private final ExpiryNotices notices;

    ExpiryNoticeJob(ExpiryNotices notices) {
        this.notices = notices;
    }

    @Scheduled(cron = "${kyso.expiry-notices.cron:0 0 6 * * *}", zone = "Asia/Ho_Chi_Minh")
    void daily() {
        try {
            ExpiryNotices.Run run = notices.run();
            log.info("Expiry notices: {} certificates expiring, {} new notices, {} e-mails sent, {} failed",
                    run.expiring(), run.newNotices(), run.emailsSent(), run.emailsFailed());
        } catch (RuntimeException e) {
            log.error("Expiry notices failed; the next run tries again", e);
        }
    }
}
