-- Orleans ADO.NET query catalogue.
--
-- Every Orleans ADO.NET provider (clustering, grain persistence, reminders) starts by running the
-- hard-coded statement `SELECT QueryKey, QueryText FROM OrleansQuery` and afterwards executes only
-- the SQL text it found here under a well-known key. The table name and both column names are
-- therefore fixed by Orleans. Everything else about the schema is ours.
--
-- Later migrations add one row per query key (V002 clustering, V003 persistence, V004 reminders).
-- Query texts use MySqlConnector parameters (@Name), which the driver substitutes client-side.

CREATE TABLE OrleansQuery
(
    QueryKey  VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    QueryText TEXT NOT NULL,

    PRIMARY KEY (QueryKey)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
