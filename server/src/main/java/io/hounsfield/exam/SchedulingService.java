package io.hounsfield.exam;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books exams into rooms (a room is the modality's station AE title) for as long as the catalog says
 * the procedure takes, and refuses a booking that overlaps another in the same room.
 */
@Service
public class SchedulingService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    /** Once acquisition has started, the booking is history. */
    private static final Set<ExamState> MOVABLE = EnumSet.of(ExamState.SCHEDULED, ExamState.ARRIVED, ExamState.VERIFIED);

    private final ExamRepository exams;
    private final ProcedureCatalog catalog;
    private final DicomPeerRegistry rooms;
    private final AuditService audit;

    SchedulingService(ExamRepository exams, ProcedureCatalog catalog, DicomPeerRegistry rooms, AuditService audit) {
        this.exams = exams;
        this.catalog = catalog;
        this.rooms = rooms;
        this.audit = audit;
    }

    /** Books (or moves) the exam to {@code room} at {@code start}; the slot ends after the procedure's duration. */
    @Transactional
    public Exam book(long examId, String room, Instant start, Actor actor) {
        Exam exam = exams.findForUpdate(examId).orElseThrow(() -> new UnknownExamException(examId));
        if (!MOVABLE.contains(exam.state())) {
            throw new HounsfieldException(Failure.STATE_CONFLICT,
                    "Exam " + exam.accessionNumber() + " is " + exam.state() + " and can no longer be moved.");
        }
        if (rooms.find(room).filter(peer -> peer.modality() != null).isEmpty()) {
            throw new HounsfieldException(Failure.NOT_FOUND, "There is no room with AE title " + room + ".");
        }
        Instant end = start.plus(catalog.get(exam.procedureCode()).duration());
        exams.lockRoom(room);
        List<Exam> clashes = exams.findOverlapping(room, start, end, examId);
        if (!clashes.isEmpty()) {
            Exam clash = clashes.get(0);
            throw new HounsfieldException(Failure.STATE_CONFLICT, room + " is booked from "
                    + TIME.format(clash.scheduledStart()) + " to " + TIME.format(clash.scheduledEnd())
                    + " (exam " + clash.accessionNumber() + ").");
        }
        exams.book(examId, room, start, end);
        audit.record(actor, AuditEntry.success("EXAM_BOOKED", ExamService.OBJECT_TYPE, exam.accessionNumber())
                .withDetail(room + " " + start));
        return exams.find(examId).orElseThrow();
    }

    /** Exams waiting for a room or a time, most urgent first. */
    public List<Exam> unbooked() {
        return exams.findUnbooked();
    }
}
