package io.hounsfield.inventory;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

/**
 * Stock that may not be used: an expired or recalled lot, or less left in the room than asked. The message is
 * written for the technologist ("Lot 23A4 expired on 30 Nov 2026 — it cannot be used").
 */
public class StockRefused extends HounsfieldException {

    public StockRefused(String message) {
        super(Failure.STATE_CONFLICT, message);
    }
}
