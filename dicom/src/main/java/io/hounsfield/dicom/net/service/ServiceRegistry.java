package io.hounsfield.dicom.net.service;

import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.dimse.Dimse;
import io.hounsfield.dicom.net.dimse.Status;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The services an application entity offers, keyed by SOP Class UID, with the transfer syntaxes accepted for each
 * (an empty list accepts whatever is proposed, e.g. to keep compressed images as they are). Presentation contexts
 * are negotiated from it (PS3.8 §9.3.3.2).
 */
public final class ServiceRegistry {
    /** Transfer syntaxes accepted by default, in order of preference. */
    public static final List<String> UNCOMPRESSED = List.of(Uids.ExplicitVRLittleEndian, Uids.ImplicitVRLittleEndian);

    private record Entry(Object service, List<String> transferSyntaxes) {
    }

    private static final System.Logger LOG = System.getLogger(ServiceRegistry.class.getName());

    private final Map<String, Map<Class<?>, Entry>> services = new ConcurrentHashMap<>();
    private final List<Consumer<AssociationInfo>> releaseHooks = new CopyOnWriteArrayList<>();
    private volatile Predicate<Throwable> passing = failure -> false;

    public ServiceRegistry register(String sopClassUid, Class<?> type, Object service, List<String> transferSyntaxes) {
        services.computeIfAbsent(sopClassUid, key -> new ConcurrentHashMap<>())
                .put(type, new Entry(type.cast(service), List.copyOf(transferSyntaxes)));
        return this;
    }

    public ServiceRegistry echo(EchoService service) {
        return register(Uids.Verification, EchoService.class, service, UNCOMPRESSED);
    }

    /** Storage of {@code sopClassUids} in any of {@code transferSyntaxes} (empty: any proposed). */
    public ServiceRegistry store(StoreService service, Collection<String> sopClassUids, List<String> transferSyntaxes) {
        sopClassUids.forEach(uid -> register(uid, StoreService.class, service, transferSyntaxes));
        return this;
    }

    /** Storage of every Storage SOP Class in whatever transfer syntax is proposed. */
    public ServiceRegistry storeAll(StoreService service) {
        return store(service, StorageSopClasses.all(), List.of());
    }

    public ServiceRegistry find(String sopClassUid, FindService service) {
        return register(sopClassUid, FindService.class, service, UNCOMPRESSED);
    }

    public ServiceRegistry move(String sopClassUid, MoveService service) {
        return register(sopClassUid, MoveService.class, service, UNCOMPRESSED);
    }

    public ServiceRegistry get(String sopClassUid, GetService service) {
        return register(sopClassUid, GetService.class, service, UNCOMPRESSED);
    }

    public ServiceRegistry normalized(String sopClassUid, NService service) {
        return register(sopClassUid, NService.class, service, UNCOMPRESSED);
    }

    /**
     * Which of a service's unexpected exceptions are out of resources for the moment (a database away, a full disk):
     * they are answered with the service's own "out of resources" status, so the peer may try again, instead of
     * "unable to process" (see {@link #failureStatus}).
     */
    public ServiceRegistry passingFailures(Predicate<Throwable> passing) {
        this.passing = passing;
        return this;
    }

    /**
     * The status for an unexpected exception from the service of {@code dimse}: out of resources in the form each
     * service has for it (PS3.4 §B.2.3 and §C.4.1.1.4 A700, §C.4.2.1.5 A701, PS3.7 §C.5 0213 for DIMSE-N) when
     * {@link #passingFailures} says so; else C000 "unable to process", which DIMSE-N lacks (0110 "processing failure"),
     * and for C-STORE A700 still: the sender keeps the instance and may resend it.
     */
    public int failureStatus(Dimse dimse, Throwable failure) {
        boolean passes = passing.test(failure);
        return switch (dimse) {
            case C_STORE_RQ -> Status.OUT_OF_RESOURCES;
            case C_FIND_RQ -> passes ? Status.OUT_OF_RESOURCES : Status.UNABLE_TO_PROCESS;
            case C_MOVE_RQ, C_GET_RQ -> passes ? Status.OUT_OF_RESOURCES_MATCHES : Status.UNABLE_TO_PROCESS;
            default -> passes ? Status.RESOURCE_LIMITATION : Status.PROCESSING_FAILURE;
        };
    }

    /**
     * Runs {@code hook} when a peer asks to release an association, before the A-RELEASE-RP: the last moment to make
     * durable what the association's requests left for later (for example records written without waiting for the
     * disk), while the peer still waits. An exception from the hook is logged; the association is released anyway.
     */
    public ServiceRegistry beforeRelease(Consumer<AssociationInfo> hook) {
        releaseHooks.add(hook);
        return this;
    }

    /** Runs the {@link #beforeRelease} hooks for {@code association}; called by the association. */
    public void released(AssociationInfo association) {
        for (Consumer<AssociationInfo> hook : releaseHooks) {
            try {
                hook.accept(association);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "{0}: before release: {1}", association.name(), e.toString());
            }
        }
    }

    /** The service of {@code type} for {@code sopClassUid}, or {@code null}. */
    public <T> T service(String sopClassUid, Class<T> type) {
        Map<Class<?>, Entry> byType = sopClassUid == null ? null : services.get(sopClassUid);
        Entry entry = byType == null ? null : byType.get(type);
        return entry == null ? null : type.cast(entry.service());
    }

    /** Every SOP class a service is registered for. */
    public java.util.Set<String> sopClassUids() {
        return java.util.Set.copyOf(services.keySet());
    }

    /** The transfer syntaxes accepted for {@code sopClassUid} (empty: any), or {@code null} if not offered. */
    public List<String> transferSyntaxes(String sopClassUid) {
        Map<Class<?>, Entry> byType = services.get(sopClassUid);
        if (byType == null || byType.isEmpty()) {
            return null;
        }
        return byType.values().iterator().next().transferSyntaxes();
    }
}
