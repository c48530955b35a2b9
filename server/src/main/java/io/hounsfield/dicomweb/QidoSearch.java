package io.hounsfield.dicomweb;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.QueryLevel;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.ElementDictionary;
import io.hounsfield.dicom.dict.Tags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Runs a QIDO-RS search (PS3.18 §10.6) as a C-FIND on the archive: the identifier holds the matching parameters,
 * the UIDs of the path, and as return keys the level's required attributes (Tables 10.6.3-3 to -5, with those of
 * the levels above when the path does not fix them) that the archive knows, plus {@code includefield}. Matches
 * get their Retrieve URL and Instance Availability (ONLINE). Warnings are the texts of §8.3.4 for a 299 Warning.
 */
@Component
class QidoSearch {
    static final String MORE_RESULTS = "There are additional results that can be requested";
    static final String NO_FUZZY_MATCHING =
            "The fuzzymatching parameter is not supported. Only literal matching has been performed.";

    private static final List<Integer> STUDY_KEYS = List.of(Tags.StudyDate, Tags.StudyTime, Tags.AccessionNumber,
            Tags.ModalitiesInStudy, Tags.ReferringPhysicianName, Tags.PatientName, Tags.PatientID,
            Tags.PatientBirthDate, Tags.PatientSex, Tags.StudyInstanceUID, Tags.StudyID,
            Tags.NumberOfStudyRelatedSeries, Tags.NumberOfStudyRelatedInstances);
    private static final List<Integer> SERIES_KEYS = List.of(Tags.Modality, Tags.SeriesDescription,
            Tags.SeriesInstanceUID, Tags.SeriesNumber, Tags.NumberOfSeriesRelatedInstances, Tags.SeriesDate,
            Tags.SeriesTime);
    private static final List<Integer> INSTANCE_KEYS = List.of(Tags.SOPClassUID, Tags.SOPInstanceUID,
            Tags.InstanceNumber, Tags.Rows, Tags.Columns, Tags.NumberOfFrames, Tags.BitsAllocated);

    /** What to search: the level, and the study and series the path fixes ({@code null} when it does not). */
    record Scope(QueryLevel level, String studyUid, String seriesUid) {
    }

    record Result(List<Attributes> matches, List<String> warnings) {
    }

    private final ArchiveService archive;

    QidoSearch(ArchiveService archive) {
        this.archive = archive;
    }

    Result search(Scope scope, QidoParameters parameters, DicomWebLinks links) {
        List<String> unsupported = new ArrayList<>();
        Attributes keys = identifier(scope, parameters, unsupported);
        List<Attributes> matches = query(scope.level(), keys, parameters);
        List<String> warnings = new ArrayList<>();
        if (matches.size() > parameters.limit()) {
            matches = matches.subList(0, parameters.limit());
            warnings.add(MORE_RESULTS);
        }
        if (!unsupported.isEmpty()) {
            warnings.add("The following attributes are not supported as query parameters: "
                    + String.join(", ", unsupported));
        }
        if (parameters.fuzzyMatching()) {
            warnings.add(NO_FUZZY_MATCHING);
        }
        matches.forEach(match -> addLinks(scope.level(), match, links));
        return new Result(matches, warnings);
    }

    /** The C-FIND identifier: return keys empty, matching keys the archive supports with their values. */
    private Attributes identifier(Scope scope, QidoParameters parameters, List<String> unsupported) {
        Attributes keys = new Attributes();
        keys.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        for (int tag : returnKeys(scope, parameters)) {
            keys.setValue(tag, ElementDictionary.vrOf(tag), null);
        }
        Set<Integer> matchable = archive.matchingKeys(scope.level());
        for (Map.Entry<Integer, String[]> filter : parameters.matching().entrySet()) {
            int tag = filter.getKey();
            if (matchable.contains(tag)) {
                keys.setString(tag, ElementDictionary.vrOf(tag), filter.getValue());
            } else {
                String keyword = ElementDictionary.keywordOf(tag);
                unsupported.add(keyword.isEmpty() ? String.format("%08X", tag) : keyword);
            }
        }
        if (scope.studyUid() != null) {
            keys.setString(Tags.StudyInstanceUID, VR.UI, scope.studyUid());
        }
        if (scope.seriesUid() != null) {
            keys.setString(Tags.SeriesInstanceUID, VR.UI, scope.seriesUid());
        }
        return keys;
    }

    private List<Attributes> query(QueryLevel level, Attributes keys, QidoParameters parameters) {
        try {
            return archive.query(level, keys, parameters.limit() + 1, parameters.offset());
        } catch (IllegalArgumentException e) {
            throw QidoParameters.invalid("invalid matching value: " + e.getMessage());
        }
    }

    private Set<Integer> returnKeys(Scope scope, QidoParameters parameters) {
        Set<Integer> keys = new LinkedHashSet<>();
        QueryLevel level = scope.level();
        if (level == QueryLevel.STUDY || scope.studyUid() == null) {
            keys.addAll(STUDY_KEYS);
        }
        if (level == QueryLevel.SERIES || level == QueryLevel.IMAGE && scope.seriesUid() == null) {
            keys.addAll(SERIES_KEYS);
        }
        if (level == QueryLevel.IMAGE) {
            keys.addAll(INSTANCE_KEYS);
        }
        keys.add(Tags.StudyInstanceUID);
        keys.add(level == QueryLevel.STUDY ? Tags.StudyInstanceUID : Tags.SeriesInstanceUID);
        if (parameters.includeAll()) {
            keys.addAll(archive.returnKeys(level));
        }
        keys.addAll(parameters.includeFields());
        keys.addAll(parameters.matching().keySet());
        keys.remove(Tags.RetrieveURL);
        keys.remove(Tags.InstanceAvailability);
        keys.remove(Tags.SpecificCharacterSet);
        return keys;
    }

    private static void addLinks(QueryLevel level, Attributes match, DicomWebLinks links) {
        String study = match.getString(Tags.StudyInstanceUID);
        String url = switch (level) {
            case SERIES -> links.series(study, match.getString(Tags.SeriesInstanceUID));
            case IMAGE -> links.instance(study, match.getString(Tags.SeriesInstanceUID),
                    match.getString(Tags.SOPInstanceUID));
            default -> links.study(study);
        };
        match.setString(Tags.InstanceAvailability, VR.CS, "ONLINE");
        match.setString(Tags.RetrieveURL, VR.UR, url);
    }
}
