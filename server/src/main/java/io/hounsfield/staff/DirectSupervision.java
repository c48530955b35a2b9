package io.hounsfield.staff;

/**
 * What a student states about their supervisor for a step that needs direct supervision (JRCERT Standards, Standard
 * Five: the qualified radiographer is physically present; a closed-circuit monitor does not count).
 *
 * @param technologist the supervising technologist's user name, as typed
 * @param present the student confirmed the technologist is in the room for this step
 */
public record DirectSupervision(String technologist, boolean present) {

    public static DirectSupervision none() {
        return new DirectSupervision(null, false);
    }
}
