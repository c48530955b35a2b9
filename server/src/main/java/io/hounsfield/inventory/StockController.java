package io.hounsfield.inventory;

import io.hounsfield.audit.AuditService;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The stock page (per room, soonest expiry first) and the lead's receipts, adjustments, recalls, reorder levels. */
@Controller
@PreAuthorize("hasAnyRole('STUDENT', 'ADMIN')")
class StockController {
    static final String STOCK = "/inventory";

    private final StockQueries queries;
    private final StockKeeping keeping;
    private final DicomPeerRegistry peers;
    private final ContrastAgentChoices agents;
    private final Clock clock;

    StockController(StockQueries queries, StockKeeping keeping, DicomPeerRegistry peers, ContrastAgentChoices agents,
            Clock clock) {
        this.queries = queries;
        this.keeping = keeping;
        this.peers = peers;
        this.agents = agents;
        this.clock = clock;
    }

    @GetMapping(STOCK)
    String stock(@RequestParam(required = false) String room, Model model) {
        String chosen = room == null || room.isBlank() ? null : room;
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("room", chosen);
        model.addAttribute("rooms", rooms());
        model.addAttribute("today", today);
        model.addAttribute("shelves", queries.shelves(chosen));
        model.addAttribute("levels", queries.reorderLevels(chosen, today));
        model.addAttribute("items", queries.items());
        model.addAttribute("categories", InventoryWords.CATEGORIES);
        model.addAttribute("agents", agents.contrastAgents());
        return "inventory/stock";
    }

    @PostMapping(STOCK + "/items")
    @PreAuthorize("hasRole('LEAD')")
    String addItem(@RequestParam(required = false) String name, @RequestParam(required = false) String category,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String gtin,
            @RequestParam(required = false) String agent, @RequestParam(required = false) String room,
            RedirectAttributes flash) {
        return done(flash, room, () -> {
            String agentCode = agent == null || agent.isBlank() ? null : agent;
            if (agentCode != null && !agents.contrastAgents().containsKey(agentCode)) {
                throw new HounsfieldException(Failure.INVALID_VALUE, "Choose the contrast agent from the list.");
            }
            keeping.createItem(name, category, unit, gtin == null || gtin.isBlank() ? null : gtin.strip(), agentCode,
                    AuditService.currentActor());
            return name.strip() + " added: receive its stock below.";
        });
    }

    @PostMapping(STOCK + "/receipts")
    @PreAuthorize("hasRole('LEAD')")
    String receive(@RequestParam(required = false) Long itemId, @RequestParam(required = false) String scan,
            @RequestParam(required = false) String lotNumber, @RequestParam(required = false) LocalDate expiry,
            @RequestParam String room, @RequestParam(required = false) BigDecimal amount, RedirectAttributes flash) {
        return done(flash, room, () -> {
            Long item = itemId;
            String lot = lotNumber;
            LocalDate expires = expiry;
            if (scan != null && !scan.isBlank()) {
                Gs1Element scanned = Gs1.parse(scan);
                item = scanned.gtin() == null ? item : queries.itemByGtin(scanned.gtin()).orElseThrow(
                        () -> new HounsfieldException(Failure.NOT_FOUND, "No item has GTIN " + scanned.gtin()
                                + ": add the item first (Add an item, below)."));
                lot = Objects.requireNonNullElse(scanned.lot(), lot);
                expires = Objects.requireNonNullElse(scanned.expiry(), expires);
            }
            if (item == null || expires == null) {
                throw new HounsfieldException(Failure.MISSING_VALUE, "Pick the item and enter its expiry date, or scan it.");
            }
            InventoryService.Lot received = keeping.receive(item, lot, expires, room, amount,
                    AuditService.currentActor());
            return "Received " + InventoryWords.amount(amount, received.unit()) + " of " + received.itemName()
                    + " lot " + received.lotNumber() + " into " + room + ".";
        });
    }

    @PostMapping(STOCK + "/adjustments")
    @PreAuthorize("hasRole('LEAD')")
    String adjust(@RequestParam long lotId, @RequestParam String room, @RequestParam(required = false) BigDecimal change,
            @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return done(flash, room, () -> {
            keeping.adjust(lotId, room, change, reason, AuditService.currentActor());
            return "Stock adjusted.";
        });
    }

    @PostMapping(STOCK + "/lots/{lotId}/recall")
    @PreAuthorize("hasRole('LEAD')")
    String recall(@PathVariable long lotId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String room, RedirectAttributes flash) {
        return done(flash, room, () -> {
            keeping.recall(lotId, reason, AuditService.currentActor());
            return "Lot recalled: it is blocked in every room.";
        });
    }

    @PostMapping(STOCK + "/reorder-levels")
    @PreAuthorize("hasRole('LEAD')")
    String reorderLevel(@RequestParam long itemId, @RequestParam String room,
            @RequestParam(required = false) BigDecimal level, RedirectAttributes flash) {
        return done(flash, room, () -> {
            keeping.setReorderLevel(itemId, room, level, AuditService.currentActor());
            return "Reorder level set.";
        });
    }

    private List<String> rooms() {
        return peers.all().stream().filter(peer -> peer.modality() != null).map(DicomPeer::aeTitle).sorted().toList();
    }

    private static String done(RedirectAttributes flash, String room, Supplier<String> change) {
        try {
            flash.addFlashAttribute("message", change.get());
        } catch (HounsfieldException | IllegalArgumentException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + STOCK + (room == null || room.isBlank() ? "" : "?room=" + room);
    }
}
