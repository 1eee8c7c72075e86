package vn.kyso.request;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar: anyone signed in reads it; an administrator enters each year's days. */
@RestController
@RequestMapping("/api/v1/holidays")
public class HolidayController {

    private final WorkingCalendar calendar;

    public HolidayController(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public record Year(int year, List<Holidays.Day> days) {
    }

    /** The days entered for a year, replacing what was entered before; the fixed holidays need no entry. */
    public record Entries(@NotNull @Size(max = 100) List<WorkingCalendar.@NotNull Entry> days) {
    }

    @GetMapping("/{year}")
    @PreAuthorize("isAuthenticated()")
    public Year get(@PathVariable int year) {
        return new Year(year, calendar.year(year));
    }

    @PutMapping("/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    public Year replace(@PathVariable int year, @Valid @RequestBody Entries entries) {
        return new Year(year, calendar.replace(year, entries.days()));
    }
}
