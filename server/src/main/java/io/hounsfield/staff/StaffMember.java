package io.hounsfield.staff;

import io.hounsfield.security.Role;
import java.time.LocalDate;
import java.time.Month;

/**
 * A person's staff record, linked to their user account.
 *
 * @param birthMonth sets the ARRT CE biennium; none for people without ARRT credentials
 * @param programme a student's educational programme
 * @param requirementSet the ARRT clinical competency requirement set a student is held to
 */
public record StaffMember(long id, long userId, String username, String fullName, Role role, Month birthMonth,
        String programme, String requirementSet, LocalDate startedOn) {

    public boolean student() {
        return role == Role.STUDENT;
    }
}
