package vn.kyso.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test sets: for scenarios that span months (a half-year report), played in seconds. It
 * ticks in milliseconds like the application's own, so stored instants read back equal.
 */
public final class MovableClock extends Clock {

    private volatile Instant base;
    private volatile long setAtNanos;

    public MovableClock(Instant start) {
        set(start);
    }

    public void set(Instant instant) {
        base = instant;
        setAtNanos = System.nanoTime();
    }

    public void advance(Duration duration) {
        set(instant().plus(duration));
    }

    @Override
    public Instant instant() {
        // time keeps flowing from the set point, so two events in one test are never at the same instant
        long elapsedMillis = (System.nanoTime() - setAtNanos) / 1_000_000;
        return base.plusMillis(elapsedMillis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }

    /** Import this into a test context to put the application on a movable clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        public static final MovableClock CLOCK = new MovableClock(Instant.parse("2027-01-04T02:00:00Z"));

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }
}
