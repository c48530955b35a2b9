package io.hounsfield.inventory;

import io.hounsfield.audit.Actor;
import io.hounsfield.notification.NotificationService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Tells the lead technologist when an item's usable stock in a room falls to or below its reorder level, once per
 * crossing: the level is marked alerted by a conditional update (one caller wins), and cleared when stock rises
 * above it again.
 */
@Component
class ReorderAlerts {

    private final InventoryRepository repository;
    private final NotificationService notifications;
    private final Clock clock;

    ReorderAlerts(InventoryRepository repository, NotificationService notifications, Clock clock) {
        this.repository = repository;
        this.notifications = notifications;
        this.clock = clock;
    }

    void check(long itemId, String itemName, String room, Actor actor) {
        repository.reorderLevel(itemId, room).ifPresent(level -> {
            BigDecimal left = repository.usableQuantity(itemId, room, LocalDate.now(clock));
            if (left.compareTo(level) > 0) {
                repository.clearAlerted(itemId, room);
            } else if (repository.markAlerted(itemId, room)) {
                String unit = repository.unit(itemId);
                notifications.notify(List.of("LEAD"), "Stock: " + itemName + " in " + room, null,
                        "Reorder " + itemName + " for " + room + ": " + InventoryWords.amount(left, unit)
                                + " left, reorder level " + InventoryWords.amount(level, unit) + ".",
                        "/inventory?room=" + room, actor);
            }
        });
    }
}
