-- The page of an "as of" report read from a snapshot (issue 10): the snapshot's totals say which levels the
-- page holds, and this index finds the entries of those levels whose span contains the report's end
-- (btree_gist for org_id and rank, from migration 0013). The reason codes are included for the reasons report.
CREATE INDEX "pulse_entries_org_rank_span_gist" ON "pulse_entries" USING gist ("org_id", "rank", tstzrange("effective_at", "valid_until", '[)'))
  INCLUDE ("reason_code_ids");
