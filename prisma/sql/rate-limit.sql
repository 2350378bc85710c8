-- Rate limits as fixed-window counters in PostgreSQL, so that every app instance counts against the same
-- window. The source of this function: edit it here (see prisma/sql/places.sql's header for how files in
-- this folder are applied).

-- A fixed-window rate limit's count (lib/rate-limit/rate-limit.ts): one statement, so two requests cannot both
-- see the old count.
CREATE OR REPLACE FUNCTION "rate_limit_hit"(p_key TEXT, p_window_seconds INT)
RETURNS TABLE ("count" INT, "window_start" TIMESTAMPTZ) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
  INSERT INTO rate_limit_buckets AS b (key, window_start, count)
  VALUES (p_key, now(), 1)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN b.window_start <= now() - make_interval(secs => p_window_seconds) THEN 1 ELSE b.count + 1 END,
    window_start = CASE WHEN b.window_start <= now() - make_interval(secs => p_window_seconds) THEN now() ELSE b.window_start END
  RETURNING b.count, b.window_start;
END;
$$;
