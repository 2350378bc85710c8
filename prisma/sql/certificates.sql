-- Certificates of attendance (issue 15). The source of these functions: edit them here, in place (see
-- prisma/sql/places.sql's header for how files in this folder are applied). lib/certificates is the TypeScript
-- side; who attended what is not decided here but in prisma/sql/attendance.sql.

-- An erased registration (the attendee's own erase, or retention) keeps no registry numbers, and with them goes
-- the consent to pass attendance to a register. The certificate row stays: it holds only what /certificaat/<code>
-- shows (name, conference, date, hours), which a register may still need to check. The trigger is in the
-- migration that added registry_numbers.
CREATE OR REPLACE FUNCTION "certificates_on_erase"()
RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM registry_numbers WHERE registration_id = NEW.id;
  RETURN NULL;
END;
$$;
