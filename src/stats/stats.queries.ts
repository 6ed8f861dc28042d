/** Devices of an authority by type and status ($1 = authority): an index-only scan of ix_devices_coverage. */
export const DEVICE_STATS_SQL = `SELECT type::text AS type, status::text AS status, count(*)::int AS count FROM devices WHERE authority_id = $1 GROUP BY type, status`;
