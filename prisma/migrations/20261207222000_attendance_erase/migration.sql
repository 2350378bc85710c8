-- Issue 15: a person's erase also removes the reasons the organiser gave when correcting their attendance (a
-- reason can say something about the person: "ziek naar huis"). Attendance itself stays, as the counts do. The
-- function's live text is prisma/sql/attendance.sql; this first copy lets the trigger be created here.
CREATE OR REPLACE FUNCTION "attendance_forget_reasons"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  UPDATE attendance_corrections SET reason = NULL WHERE registration_id = NEW.id AND reason IS NOT NULL;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "registrations_erase_attendance_reasons"
AFTER UPDATE OF erased_at ON registrations
FOR EACH ROW WHEN (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL)
EXECUTE FUNCTION attendance_forget_reasons();
