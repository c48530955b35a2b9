package io.hounsfield.order;

import io.hounsfield.exam.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/** The lead's order form; room and time are optional (the exam then waits for a slot). */
record OrderForm(
        @NotBlank @Size(max = 64) String patientId,
        @NotBlank @Size(max = 64) String issuer,
        @NotBlank String procedureCode,
        String laterality,
        @NotNull Priority priority,
        @Size(max = 500) String reason,
        @Size(max = 200) String orderingProvider,
        String room,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime time) {

    static OrderForm empty(LocalDate today) {
        return forPatient("", "HOSP", today);
    }

    static OrderForm forPatient(String patientId, String issuer, LocalDate today) {
        return new OrderForm(patientId, issuer, "", "", Priority.ROUTINE, "", "", "", today, null);
    }
}
