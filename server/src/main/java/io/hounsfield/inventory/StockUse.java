package io.hounsfield.inventory;

import java.math.BigDecimal;

/**
 * One documented use of stock in an exam (a contrast administration, a catheter, a sterile tray).
 *
 * @param lotId  the lot taken from
 * @param room   the room (station AE title) whose stock it comes from
 * @param amount how much, in the item's unit (millilitres for contrast, pieces otherwise)
 * @param examId the exam it was used in
 * @param actor  the login of who documented it
 */
public record StockUse(long lotId, String room, BigDecimal amount, long examId, String actor) {
}
