package io.hounsfield.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way to write the audit trail. Every feature records each read or change of patient data
 * here, in the same transaction as the change, so that a change without its audit row cannot commit.
 */
@Service
public class AuditService {

    private final AuditRepository repository;

    AuditService(AuditRepository repository) {
        this.repository = repository;
    }

    /** Records an entry for the user of the current web request (or {@link Actor#SYSTEM} outside one). */
    public void record(AuditEntry entry) {
        record(currentActor(), entry);
    }

    /** Records an entry for an actor that is not a web user: a DICOM peer, an HL7 sender, a job. */
    public void record(Actor actor, AuditEntry entry) {
        repository.insert(actor, entry);
    }

    public List<AuditEvent> search(AuditQuery query) {
        return repository.search(query);
    }

    /** The id of the newest event (0 for none): pages of a search stay still if they go up to it. */
    public long newestId() {
        return repository.newestId();
    }

    /** How many events match {@code query}, all pages together. */
    public long count(AuditQuery query) {
        return repository.count(query);
    }

    /** The logged-in user with their role and address, as the audit trail names them. */
    public static Actor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return new Actor(Actor.SYSTEM.name(), Actor.SYSTEM.role(), remoteAddress());
        }
        if (authentication instanceof AnonymousAuthenticationToken) {
            return new Actor("anonymous", null, remoteAddress());
        }
        String role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .findFirst()
                .orElse(null);
        return new Actor(authentication.getName(), role, remoteAddress());
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
