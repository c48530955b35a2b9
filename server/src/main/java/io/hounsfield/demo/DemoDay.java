package io.hounsfield.demo;

import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.PregnancyStatus;
import io.hounsfield.patient.Sex;
import java.time.LocalDate;
import java.util.List;

/** The demo department's patients and today's bookings per room: plain data, read by {@link DemoData}. */
final class DemoDay {

    record DemoPatient(String mrn, String family, String given, LocalDate birthDate, Sex sex, String language,
            String allergies, PregnancyStatus pregnancy) {}

    /** One booking: which patient (index into {@link #PATIENTS}), what, where, how urgent. */
    record Booking(int patient, String procedure, Laterality laterality, Priority priority, String reason) {}

    static final List<DemoPatient> PATIENTS = List.of(
            patient("100234", "Rivera", "Ana", 1984, 3, 7, Sex.F, "spa", null, PregnancyStatus.NOT_PREGNANT),
            patient("100235", "Okafor", "Chidi", 1957, 6, 12, Sex.M, "eng", "Penicillin", null),
            patient("100236", "Nguyen", "Linh", 1991, 11, 2, Sex.F, "vie", null, PregnancyStatus.POSSIBLY_PREGNANT),
            patient("100237", "Schmidt", "Hans", 1946, 1, 30, Sex.M, "deu", "Iodinated contrast (hives, 2019)", null),
            patient("100238", "Haddad", "Yasmin", 1978, 8, 19, Sex.F, "ara", null, PregnancyStatus.NOT_PREGNANT),
            patient("100239", "Kowalski", "Piotr", 1969, 4, 4, Sex.M, "pol", null, null),
            patient("100240", "Johnson", "Maya", 2012, 9, 23, Sex.F, "eng", null, PregnancyStatus.NOT_PREGNANT),
            patient("100241", "Tanaka", "Hiroshi", 1939, 12, 1, Sex.M, "jpn", "Latex", null),
            patient("100242", "Osei", "Abena", 1995, 5, 15, Sex.F, "eng", null, PregnancyStatus.PREGNANT),
            patient("100243", "Moreau", "Luc", 1972, 2, 28, Sex.M, "fra", null, null),
            patient("100244", "Patel", "Priya", 1988, 7, 9, Sex.F, "guj", "Shellfish", PregnancyStatus.NOT_PREGNANT),
            patient("100245", "O'Brien", "Sean", 1963, 10, 10, Sex.M, "eng", null, null),
            patient("100246", "Rossi", "Giulia", 1999, 3, 21, Sex.F, "ita", null, PregnancyStatus.UNKNOWN),
            patient("100247", "Ivanov", "Dmitri", 1980, 6, 6, Sex.M, "rus", null, null),
            patient("100248", "Kim", "Soo-jin", 1975, 1, 17, Sex.F, "kor", "Gadolinium (nausea)", PregnancyStatus.NOT_PREGNANT),
            patient("100249", "Mensah", "Kofi", 2019, 8, 3, Sex.M, "eng", null, null),
            patient("100250", "Larsen", "Ingrid", 1952, 11, 27, Sex.F, "dan", null, PregnancyStatus.NOT_PREGNANT),
            patient("100251", "Garcia", "Miguel", 1986, 4, 30, Sex.M, "spa", null, null),
            patient("100252", "Cohen", "Rachel", 1967, 9, 14, Sex.F, "heb", "Sulfonamides", PregnancyStatus.NOT_PREGNANT),
            patient("100253", "Singh", "Arjun", 1993, 12, 12, Sex.M, "pan", null, null),
            patient("100254", "Dubois", "Camille", 2004, 2, 8, Sex.F, "fra", null, PregnancyStatus.UNKNOWN),
            patient("100255", "Yilmaz", "Mehmet", 1958, 7, 25, Sex.M, "tur", null, null),
            patient("100256", "Andersson", "Elsa", 1944, 5, 5, Sex.F, "swe", null, PregnancyStatus.NOT_PREGNANT),
            patient("100257", "Mbeki", "Thabo", 1971, 3, 3, Sex.M, "zul", "Iodinated contrast (anaphylaxis, 2015)", null),
            patient("100258", "Fernandes", "Beatriz", 1983, 10, 31, Sex.F, "por", null, PregnancyStatus.NOT_PREGNANT),
            patient("100259", "Novak", "Tomas", 1990, 1, 1, Sex.M, "ces", null, null),
            patient("100260", "Ali", "Fatima", 1976, 8, 8, Sex.F, "urd", null, PregnancyStatus.NOT_PREGNANT),
            patient("100261", "Brown", "James", 1949, 6, 18, Sex.M, "eng", null, null),
            patient("100262", "Silva", "Lucas", 2008, 4, 12, Sex.M, "por", null, null),
            patient("100263", "Wojcik", "Anna", 1962, 12, 24, Sex.F, "pol", "Metformin user", PregnancyStatus.NOT_PREGNANT),
            patient("100264", "Chen", "Wei", 1985, 9, 9, Sex.M, "zho", null, null),
            patient("100265", "Murphy", "Siobhan", 1997, 2, 14, Sex.F, "eng", null, PregnancyStatus.UNKNOWN),
            patient("100266", "Hassan", "Omar", 1966, 11, 11, Sex.M, "ara", null, null),
            patient("100267", "Lopez", "Carmen", 1954, 7, 7, Sex.F, "spa", null, PregnancyStatus.NOT_PREGNANT),
            patient("100268", "Petrov", "Nikolai", 1979, 3, 16, Sex.M, "bul", null, null),
            patient("100269", "Adeyemi", "Funmi", 2001, 5, 27, Sex.F, "yor", null, PregnancyStatus.POSSIBLY_PREGNANT));

    static final List<Booking> CT1 = List.of(
            booking(1, "CTCHESTC", null, Priority.ROUTINE, "Lung nodule follow-up"),
            booking(3, "CTHEAD", null, Priority.URGENT, "New confusion, fall yesterday"),
            booking(5, "CTABDPELC", null, Priority.ROUTINE, "Staging, colon cancer"),
            booking(7, "CTKUB", null, Priority.ROUTINE, "Right flank pain, haematuria"),
            booking(9, "CTPA", null, Priority.STAT, "Dyspnoea, raised D-dimer"),
            booking(11, "CTCSPINE", null, Priority.URGENT, "Neck pain after car accident"),
            booking(13, "CTHEADC", null, Priority.ROUTINE, "Known meningioma"),
            booking(17, "CTCHEST", null, Priority.ROUTINE, "Chronic cough, smoker"),
            booking(21, "CTKNEE", Laterality.L, Priority.ROUTINE, "Tibial plateau fracture, pre-op"),
            booking(23, "CTABDPELC", null, Priority.URGENT, "Abdominal pain, fever"),
            booking(27, "CTHEAD", null, Priority.ROUTINE, "Headache"),
            booking(29, "CTCHESTC", null, Priority.ROUTINE, "Lymphoma restaging"));

    static final List<Booking> DX1 = List.of(
            booking(0, "XRKNEE", Laterality.L, Priority.ROUTINE, "Knee pain after fall"),
            booking(2, "XRCHEST2", null, Priority.ROUTINE, "Pre-operative"),
            booking(4, "XRWRIST", Laterality.R, Priority.URGENT, "Fall on outstretched hand"),
            booking(6, "XRHAND", Laterality.L, Priority.ROUTINE, "Bone age"),
            booking(8, "XRCHEST1", null, Priority.STAT, "Line position check"),
            booking(10, "XRANKLE", Laterality.R, Priority.ROUTINE, "Inversion injury"),
            booking(12, "XRSHOULDER", Laterality.R, Priority.ROUTINE, "Reduced range of motion"),
            booking(14, "XRLSPINE", null, Priority.ROUTINE, "Low back pain > 6 weeks"),
            booking(15, "XRFOOT", Laterality.L, Priority.ROUTINE, "Toe injury"),
            booking(16, "XRHIP", Laterality.R, Priority.URGENT, "Fall, unable to bear weight"),
            booking(18, "XRPELVIS", null, Priority.ROUTINE, "Hip arthroplasty follow-up"),
            booking(20, "XRCHEST2", null, Priority.ROUTINE, "Fever and cough"),
            booking(26, "XRABD", null, Priority.ROUTINE, "Constipation"),
            booking(28, "XRKNEE", Laterality.B, Priority.ROUTINE, "Osteoarthritis"));

    static final List<Booking> MR1 = List.of(
            booking(19, "MRBRAIN", null, Priority.ROUTINE, "Migraine, new features"),
            booking(22, "MRLSPINE", null, Priority.ROUTINE, "Sciatica, left"),
            booking(24, "MRKNEE", Laterality.R, Priority.ROUTINE, "Suspected meniscal tear"),
            booking(25, "MRBRAINC", null, Priority.URGENT, "Known glioma, new seizure"),
            booking(30, "MRSHOULDER", Laterality.L, Priority.ROUTINE, "Rotator cuff tear?"),
            booking(31, "MRPROSTATE", null, Priority.ROUTINE, "Raised PSA"),
            booking(32, "MRBRAIN", null, Priority.ROUTINE, "Multiple sclerosis follow-up"),
            booking(34, "MRLSPINE", null, Priority.ROUTINE, "Back pain, red flags excluded"));

    static final List<Booking> US1 = List.of(
            booking(2, "USPELVIS", null, Priority.ROUTINE, "Pelvic pain"),
            booking(8, "USOBFIRST", null, Priority.URGENT, "Bleeding in early pregnancy"),
            booking(33, "USABD", null, Priority.ROUTINE, "Deranged liver function"),
            booking(35, "USDVTLEG", Laterality.L, Priority.STAT, "Swollen left calf"),
            booking(10, "USBREAST", Laterality.R, Priority.ROUTINE, "Palpable lump"),
            booking(4, "USTHYROID", null, Priority.ROUTINE, "Thyroid nodule"),
            booking(26, "USABD", null, Priority.ROUTINE, "Right upper quadrant pain"),
            booking(16, "USDVTLEG", Laterality.R, Priority.URGENT, "Calf pain after surgery"));

    private DemoDay() {}

    private static DemoPatient patient(String mrn, String family, String given, int year, int month, int day, Sex sex,
            String language, String allergies, PregnancyStatus pregnancy) {
        return new DemoPatient(mrn, family, given, LocalDate.of(year, month, day), sex, language, allergies, pregnancy);
    }

    private static Booking booking(int patient, String procedure, Laterality laterality, Priority priority,
            String reason) {
        return new Booking(patient, procedure, laterality, priority, reason);
    }
}
