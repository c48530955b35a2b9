package io.hounsfield.equipment.web;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.equipment.DicomLink;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.PeerPermission;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page for the DICOM peers Hounsfield knows: add, change, disable, test with C-ECHO. */
@Controller
@RequestMapping("/admin/peers")
@PreAuthorize("hasRole('ADMIN')")
class PeerController {
    private final DicomPeerRegistry peers;
    private final DicomLink link;
    private final AuditService audit;

    PeerController(DicomPeerRegistry peers, DicomLink link, AuditService audit) {
        this.peers = peers;
        this.link = link;
        this.audit = audit;
    }

    @GetMapping
    String list(@RequestParam Optional<String> edit, Model model) {
        if (!model.containsAttribute("peer")) {
            model.addAttribute("peer", edit.flatMap(peers::find).map(PeerForm::of).orElseGet(PeerForm::empty));
        }
        model.addAttribute("peers", peers.all());
        model.addAttribute("permissions", PeerPermission.values());
        model.addAttribute("ourAeTitle", link.ourAeTitle());
        return "equipment/peers";
    }

    @PostMapping
    String save(@Valid @ModelAttribute("peer") PeerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && form.lacksAddressItNeeds()) {
            errors.rejectValue("port", "address", "a move destination needs host and port");
        }
        if (errors.hasErrors()) {
            return list(Optional.empty(), model);
        }
        DicomPeer peer = form.toPeer();
        boolean existed = peers.find(peer.aeTitle()).isPresent();
        peers.save(peer);
        audit.record(AuditEntry.success(existed ? "DICOM_PEER_CHANGED" : "DICOM_PEER_ADDED", "DICOM_PEER",
                peer.aeTitle()).withDetail(peer.toString()));
        redirect.addFlashAttribute("message", "DICOM peer " + peer.aeTitle() + (existed ? " changed." : " added."));
        return "redirect:/admin/peers";
    }

    @PostMapping("/{aeTitle}/echo")
    String echo(@PathVariable String aeTitle, RedirectAttributes redirect) {
        Optional<DicomPeer> peer = peers.find(aeTitle);
        redirect.addFlashAttribute("message", peer.map(link::echo).orElse("No DICOM peer " + aeTitle + "."));
        return "redirect:/admin/peers";
    }
}
