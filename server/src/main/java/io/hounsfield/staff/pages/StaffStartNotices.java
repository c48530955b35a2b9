package io.hounsfield.staff.pages;

import io.hounsfield.security.Role;
import io.hounsfield.staff.ExpiryBand;
import io.hounsfield.staff.StaffAlert;
import io.hounsfield.staff.StaffService;
import io.hounsfield.web.StartPageNotices;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A person's own staff alerts on their start page, so an expiring BLS card is seen weeks ahead and not at audit; a
 * lead also sees how many alerts the department's records carry, with a link to the report.
 */
@Component
class StaffStartNotices implements StartPageNotices {

    private final StaffService staff;
    private final Clock clock;

    StaffStartNotices(StaffService staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public List<Notice> forUser(String username, String role) {
        LocalDate today = LocalDate.now(clock);
        List<Notice> notices = new ArrayList<>();
        staff.find(username).ifPresent(member -> {
            for (StaffAlert alert : staff.alerts(member.id())) {
                notices.add(new Notice(alert.band() != ExpiryBand.WITHIN_90_DAYS, "Your " + alert.message(today),
                        StaffPages.PATH + "/" + member.id()));
            }
        });
        if (Role.LEAD.name().equals(role)) {
            leadSummary(staff.allAlerts()).ifPresent(notices::add);
        }
        return notices;
    }

    /** "4 alerts on staff records: 1 expired, 2 within 30 days, 1 within 90 days." */
    static java.util.Optional<Notice> leadSummary(List<StaffAlert> alerts) {
        if (alerts.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (ExpiryBand band : ExpiryBand.values()) {
            long count = alerts.stream().filter(alert -> alert.band() == band).count();
            if (count > 0) {
                parts.add(count + " " + band.label().toLowerCase(java.util.Locale.ROOT));
            }
        }
        boolean urgent = alerts.stream().anyMatch(alert -> alert.band() != ExpiryBand.WITHIN_90_DAYS);
        String what = alerts.size() == 1 ? "1 alert" : alerts.size() + " alerts";
        return java.util.Optional.of(new Notice(urgent, what + " on staff records: " + String.join(", ", parts) + ".",
                StaffPages.PATH));
    }
}
