package io.hounsfield.staff;

import io.hounsfield.audit.Actor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode's staff records for the demo users {@code lead}, {@code tech} and {@code student} (created by the
 * security feature's first users, before the application is ready): credentials for every modality of the demo rooms
 * and the catalogue, dated around the department clock's today, so that exams start; the technologist's BLS/CPR card
 * runs out within 90 days, to show an alert. Made once: a user who has a record keeps it.
 */
@Component
@ConditionalOnProperty(name = "hounsfield.demo", havingValue = "true")
class StaffDemoRecords {

    private static final Actor DEMO = new Actor("demo", "SYSTEM", null);
    private static final String[] ALL_MODALITIES = {"R", "CT", "MR", "S", "M", "VI"};

    private final StaffService staff;
    private final Clock clock;

    StaffDemoRecords(StaffService staff, Clock clock) {
        this.staff = staff;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        LocalDate today = LocalDate.now(clock);
        technologist("lead", Month.MARCH, "2004561", LocalDate.of(2008, 6, 20), today.plusDays(400), today);
        technologist("tech", Month.SEPTEMBER, "3107782", today.minusYears(5), today.plusDays(60), today);
        if (staff.find("student").isEmpty()) {
            try {
                StaffMember student = staff.create("student", null, "Radiography (A.S.), County College",
                        today.minusMonths(14), DEMO);
                staff.addCredential(student.id(), CredentialKind.BLS, "AHA BLS Provider", "BLS-55120",
                        today.minusMonths(10), today.minusMonths(10).plusYears(2), DEMO);
            } catch (io.hounsfield.system.HounsfieldException noSuchUser) {
                // a demo without the student account has no student record
            }
        }
    }

    private void technologist(String username, Month birthMonth, String arrtNumber, LocalDate firstCertified,
            LocalDate cardExpires, LocalDate today) {
        if (staff.find(username).isPresent()) {
            return;
        }
        StaffMember member;
        try {
            member = staff.create(username, birthMonth, null, firstCertified, DEMO);
        } catch (io.hounsfield.system.HounsfieldException noSuchUser) {
            return;
        }
        LocalDate registrationEnds = today.withMonth(birthMonth.getValue()).with(TemporalAdjusters.lastDayOfMonth());
        if (registrationEnds.isBefore(today.plusMonths(2))) {
            registrationEnds = registrationEnds.plusYears(1).with(TemporalAdjusters.lastDayOfMonth());
        }
        for (int i = 0; i < ALL_MODALITIES.length; i++) {
            LocalDate earned = i == 0 ? firstCertified : today.minusYears(3).plusMonths(i);
            staff.addCredential(member.id(), CredentialKind.ARRT, ALL_MODALITIES[i], arrtNumber, earned,
                    registrationEnds, DEMO);
        }
        staff.addCredential(member.id(), CredentialKind.LICENCE, "State radiologic technologist licence",
                "RT-" + arrtNumber, today.minusMonths(8), today.plusMonths(16), DEMO);
        staff.addCredential(member.id(), CredentialKind.BLS, "AHA BLS Provider", "BLS-" + arrtNumber,
                cardExpires.minusYears(2), cardExpires, DEMO);
        staff.recordActivity(member.id(), "CT dose optimisation, adult and paediatric", "ASRT", CeCategory.A,
                new BigDecimal("4"), today.minusMonths(3), DEMO);
        staff.recordActivity(member.id(), "MRI safety annual update", "AHRA", CeCategory.A, new BigDecimal("2.5"),
                today.minusMonths(1), DEMO);
    }
}
