package io.hounsfield.staff.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.staff.ExpiryBand;
import io.hounsfield.staff.StaffAlert;
import io.hounsfield.web.StartPageNotices.Notice;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffStartNoticesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void aLeadSeesTheDepartmentsAlertsCountedByBand() {
        List<StaffAlert> alerts = List.of(alert(ExpiryBand.EXPIRED), alert(ExpiryBand.WITHIN_30_DAYS),
                alert(ExpiryBand.WITHIN_30_DAYS), alert(ExpiryBand.WITHIN_90_DAYS));

        Notice notice = StaffStartNotices.leadSummary(alerts).orElseThrow();

        assertThat(notice.text()).isEqualTo("4 alerts on staff records: 1 expired, 2 within 30 days, 1 within 90 days.");
        assertThat(notice.urgent()).isTrue();
        assertThat(notice.path()).isEqualTo("/staff");
    }

    @Test
    void onlyAlertsWithin90DaysAreNotUrgentAndNoAlertIsNoNotice() {
        assertThat(StaffStartNotices.leadSummary(List.of(alert(ExpiryBand.WITHIN_90_DAYS))).orElseThrow())
                .extracting(Notice::text, Notice::urgent)
                .containsExactly("1 alert on staff records: 1 within 90 days.", false);
        assertThat(StaffStartNotices.leadSummary(List.of())).isEmpty();
    }

    private static StaffAlert alert(ExpiryBand band) {
        return new StaffAlert(1, "Robin Rivera", "BLS/CPR card", DAY, band);
    }
}
