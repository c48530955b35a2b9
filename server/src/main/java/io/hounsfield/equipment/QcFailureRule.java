package io.hounsfield.equipment;

import io.hounsfield.audit.Actor;
import io.hounsfield.notification.NotificationService;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a unit out of service when its QC fails and its rule is on, recording "Daily QC failed: …" as the
 * reason, and tells the lead technologists. Only a person returns it to service.
 */
@Component
class QcFailureRule {

    private static final Logger log = LoggerFactory.getLogger(QcFailureRule.class);
    static final Actor RULE = new Actor("qc-rule", "SYSTEM", null);

    private final EquipmentService equipment;
    private final NotificationService notifications;

    QcFailureRule(EquipmentService equipment, NotificationService notifications) {
        this.equipment = equipment;
        this.notifications = notifications;
    }

    /** The QC program publishes after its commit, so this runs in a transaction of its own. */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(QcResultRecorded result) {
        if (result.passed()) {
            return;
        }
        var unit = equipment.forAeTitle(result.aeTitle()).filter(Equipment::qcFailureRule);
        if (unit.isEmpty()) {
            log.info("QC {} failed for {}; no out-of-service rule applies", result.test(), result.aeTitle());
            return;
        }
        String summary = result.summary() == null || result.summary().isBlank() ? result.test() : result.summary();
        String reason = (result.test() != null && result.test().contains("DAILY") ? "Daily QC" : "QC") + " failed: "
                + summary;
        if (equipment.setStatus(unit.get().id(), EquipmentStatus.OUT_OF_SERVICE, reason, RULE)) {
            notifications.notify(Set.of("LEAD"), "equipment-" + unit.get().id(), null, unit.get().name()
                    + " is out of service: " + reason + ". Return it to service on the equipment page once fixed.",
                    "/equipment/" + unit.get().id(), RULE);
        }
    }
}
