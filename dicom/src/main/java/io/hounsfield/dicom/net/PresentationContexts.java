package io.hounsfield.dicom.net;

import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.pdu.PresentationContextRq;
import io.hounsfield.dicom.net.pdu.UserInformation.RoleSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The presentation contexts an SCU proposes (PS3.8 §9.3.2.2), with odd ids from 1, at most 128, and the SCP/SCU role
 * selections (PS3.7 §D.3.3.4), e.g. the SCP role for storage classes received by C-GET.
 */
public final class PresentationContexts {
    private final Map<String, Set<String>> syntaxesByClass = new LinkedHashMap<>();
    private final Map<String, RoleSelection> roles = new LinkedHashMap<>();
    private final List<PresentationContextRq> separate = new ArrayList<>();

    /** Proposes {@code sopClassUid} with these transfer syntaxes (merged with earlier ones for the same class). */
    public PresentationContexts add(String sopClassUid, String... transferSyntaxUids) {
        syntaxesByClass.computeIfAbsent(sopClassUid, key -> new LinkedHashSet<>()).addAll(List.of(transferSyntaxUids));
        return this;
    }

    /**
     * Proposes a storage class: a context with the instance's own syntax alone (so a compressed image can be sent as
     * it is) and, for uncompressed ones, one with both little endian syntaxes.
     */
    public PresentationContexts addStorage(String sopClassUid, String transferSyntaxUid) {
        String key = sopClassUid + "|" + transferSyntaxUid;
        if (syntaxesByClass.containsKey(key)) {
            return this;
        }
        syntaxesByClass.put(key, new LinkedHashSet<>(List.of(transferSyntaxUid)));
        return add(sopClassUid, Uids.ExplicitVRLittleEndian, Uids.ImplicitVRLittleEndian);
    }

    /** Offers to act as SCP for {@code sopClassUid} on this association, as C-GET needs (PS3.4 §C.4.3). */
    public PresentationContexts scpRole(String sopClassUid) {
        roles.put(sopClassUid, new RoleSelection(sopClassUid, false, true));
        return this;
    }

    public List<PresentationContextRq> contexts() {
        List<PresentationContextRq> contexts = new ArrayList<>(separate);
        for (Map.Entry<String, Set<String>> entry : syntaxesByClass.entrySet()) {
            String sopClassUid = entry.getKey().contains("|") ? entry.getKey().substring(0, entry.getKey().indexOf('|'))
                    : entry.getKey();
            contexts.add(new PresentationContextRq(1 + 2 * contexts.size(), sopClassUid, List.copyOf(entry.getValue())));
        }
        if (contexts.size() > 128) {
            throw new IllegalArgumentException("more than 128 presentation contexts: " + contexts.size());
        }
        return contexts;
    }

    public List<RoleSelection> roleSelections() {
        return List.copyOf(roles.values());
    }
}
