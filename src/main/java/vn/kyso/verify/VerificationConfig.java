package vn.kyso.verify;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.kyso.verify.path.PathValidator;
import vn.kyso.verify.path.RevocationRegistry;
import vn.kyso.verify.pdf.PdfLimits;

@Configuration
class VerificationConfig {

    @Bean
    PathValidator pathValidator(RevocationRegistry registry) {
        return new PathValidator(registry);
    }

    @Bean
    Verifier verifier(PathValidator paths, Clock clock) {
        return new Verifier(paths, PdfLimits.defaults(), clock);
    }
}
