package io.hounsfield;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Fails when a feature reaches into another feature's internals or features depend on each other in a cycle, and
 * when a step of the archive reaches past its neighbours: the flow goes store and index, then ingest (which records
 * its events in the events step's outbox), query and retrieve on top of them, then the pages, commands and
 * quarantine work that use those.
 */
class ModularityTests {
    private static final String ARCHIVE = "io.hounsfield.archive";

    /** The archive's sub-packages and the sibling sub-packages each may use (the archive's API package is open to all). */
    private static final Map<String, Set<String>> ARCHIVE_NEIGHBOURS = Map.ofEntries(
            Map.entry("store", Set.of()),
            Map.entry("peers", Set.of()),
            Map.entry("index", Set.of("store")),
            Map.entry("audit", Set.of("index")),
            Map.entry("events", Set.of("audit")),
            Map.entry("ingest", Set.of("audit", "events", "index", "peers", "store")),
            Map.entry("query", Set.of("audit", "index", "peers", "store")),
            Map.entry("retrieve", Set.of("audit", "index", "peers", "query", "store")),
            Map.entry("commitment", Set.of("audit", "index", "peers", "store")),
            Map.entry("quarantine", Set.of("index", "ingest", "store")),
            Map.entry("pages", Set.of("query", "store")),
            Map.entry("commands", Set.of("ingest", "store")));

    @Test
    void featuresKeepToTheirPublicApi() {
        // The DICOM toolkit shares the root package but is a library, not a feature of the application.
        ApplicationModules.of(Hounsfield.class, JavaClass.Predicates.resideInAPackage("io.hounsfield.dicom..")).verify();
    }

    @Test
    void archiveStepsUseOnlyTheirNeighbours() {
        JavaClasses archive = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ARCHIVE);
        ARCHIVE_NEIGHBOURS.forEach((step, neighbours) -> {
            String[] others = ARCHIVE_NEIGHBOURS.keySet().stream()
                    .filter(other -> !other.equals(step) && !neighbours.contains(other))
                    .map(other -> ARCHIVE + "." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(ARCHIVE + "." + step + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(others).because("the archive's " + step + " step may use only " + neighbours)
                    .check(archive);
        });
    }

    @Test
    void everyArchiveSubPackageHasItsNeighboursNamed() {
        JavaClasses archive = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ARCHIVE);
        archive.stream().map(JavaClass::getPackageName).filter(name -> name.startsWith(ARCHIVE + "."))
                .map(name -> name.substring(ARCHIVE.length() + 1).split("\\.")[0]).distinct()
                .forEach(step -> org.junit.jupiter.api.Assertions.assertTrue(ARCHIVE_NEIGHBOURS.containsKey(step),
                        "archive sub-package " + step + " is missing from ARCHIVE_NEIGHBOURS"));
    }
}
