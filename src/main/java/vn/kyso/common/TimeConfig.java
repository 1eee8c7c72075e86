package vn.kyso.common;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfig {

    /** Millisecond ticks: what is stored equals what is read back on both databases, so audit hashes agree. */
    @Bean
    Clock clock() {
        return Clock.tickMillis(java.time.ZoneOffset.UTC);
    }
}
