-- The current pulse's reason codes, cached on the client like its rank (kept by the pulse transaction from now on).
UPDATE "clients" c SET "current_reason_code_ids" = r.ids
FROM (
  SELECT per."entry_id", array_agg(per."reason_code_id" ORDER BY per."position", per."reason_code_id") AS ids
  FROM "pulse_entry_reasons" per GROUP BY per."entry_id"
) r
WHERE r."entry_id" = c."current_pulse_entry_id";
