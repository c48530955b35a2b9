package io.hounsfield.bench;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Study-level query latency against the studies {@link Populate} stored (patient IDs {@code POP0..POP<STUDIES-1>},
 * one exact Patient ID per query, each must match one study), from one client that keeps its connection open:
 * <ul>
 *   <li>{@code cfind HOST PORT CALLED_AE CALLING_AE STUDIES ROUNDS}: Study Root C-FIND on one association</li>
 *   <li>{@code qido BASE_URL USER:PASSWORD STUDIES ROUNDS}: QIDO-RS {@code GET BASE_URL/studies?PatientID=}
 *       (PS3.18 §10.6); {@code -} for no authentication</li>
 * </ul>
 * Prints {@code MEDIAN_MS P99_MS}, or {@code n/a (404)} when the server has no QIDO-RS (also {@code n/a (302 to
 * login)}: a server whose web security sends unknown paths to its login page); exits 1 on any failure.
 */
public final class QueryLatency {
    private QueryLatency() {
    }

    /** One query; returns null, or why the service does not exist. */
    private interface Query {
        String run(String patientId) throws Exception;
    }

    public static void main(String[] arguments) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        if (arguments[0].equals("cfind")) {
            cfind(arguments);
        } else {
            qido(arguments);
        }
    }

    private static void cfind(String[] arguments) throws Exception {
        DicomClient client = new DicomClient(ApplicationEntity.of(arguments[4], new ServiceRegistry()));
        String sopClassUid = Uids.StudyRootQueryRetrieveInformationModelFind;
        PresentationContexts contexts = new PresentationContexts().add(sopClassUid, Uids.ExplicitVRLittleEndian,
                Uids.ImplicitVRLittleEndian);
        try (Association association = client.connect(arguments[1], Integer.parseInt(arguments[2]), arguments[3],
                contexts)) {
            Scu scu = new Scu(association);
            measure(Integer.parseInt(arguments[5]), Integer.parseInt(arguments[6]), patientId -> {
                int[] matches = {0};
                int status = scu.find(sopClassUid, studyKeys(patientId), match -> ++matches[0] > 0);
                check(Status.isSuccess(status) && matches[0] == 1,
                        "C-FIND " + patientId + ": status " + Status.toString(status) + ", " + matches[0] + " matches");
                return null;
            });
            association.release();
        }
    }

    private static Attributes studyKeys(String patientId) {
        Attributes keys = new Attributes();
        keys.setString(Tags.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tags.PatientID, VR.LO, patientId);
        keys.setValue(Tags.PatientName, VR.PN, new byte[0]);
        keys.setValue(Tags.StudyInstanceUID, VR.UI, new byte[0]);
        keys.setValue(Tags.StudyDate, VR.DA, new byte[0]);
        keys.setValue(Tags.AccessionNumber, VR.SH, new byte[0]);
        keys.setValue(Tags.StudyDescription, VR.LO, new byte[0]);
        return keys;
    }

    private static void qido(String[] arguments) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String authorization = arguments[2].equals("-") ? null
                : "Basic " + Base64.getEncoder().encodeToString(arguments[2].getBytes(StandardCharsets.UTF_8));
        measure(Integer.parseInt(arguments[3]), Integer.parseInt(arguments[4]), patientId -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(arguments[1] + "/studies?PatientID="
                    + patientId + "&includefield=StudyDescription")).header("Accept", "application/dicom+json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return "n/a (404)";
            }
            if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login")) {
                return "n/a (302 to login)";
            }
            check(response.statusCode() == 200 && response.body().contains("\"" + patientId + "\""),
                    "QIDO-RS " + patientId + ": HTTP " + response.statusCode());
            return null;
        });
    }

    /** Runs {@code rounds} warm-up queries, then {@code rounds} timed ones, on random existing patients. */
    private static void measure(int studies, int rounds, Query query) throws Exception {
        SplittableRandom random = new SplittableRandom(studies);
        for (int warmUp = 0; warmUp < Math.min(rounds, 50); warmUp++) {
            String missing = query.run("POP" + random.nextInt(studies));
            if (missing != null) {
                System.out.println(missing);
                return;
            }
        }
        double[] millis = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            String patientId = "POP" + random.nextInt(studies);
            long start = System.nanoTime();
            query.run(patientId);
            millis[round] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%.2f %.2f%n", percentile(millis, 50), percentile(millis, 99));
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            System.err.println(failure);
            System.exit(1);
        }
    }
}
