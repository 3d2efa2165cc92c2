-- Orleans ADO.NET reminder table for Microsoft.Orleans.Reminders.AdoNet 10.4.2.
--
-- One row per (service, grain, reminder name). GrainHash is the uniform hash of the grain id as a
-- signed INT (Orleans casts its uint), so that each silo can read the reminders of its own slice
-- of the hash ring. Version is the ETag: every upsert bumps it, and a delete must name it.
-- Period is in milliseconds.

CREATE TABLE OrleansRemindersTable
(
    ServiceId    VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    GrainId      VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ReminderName VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    StartTime    DATETIME(6) NOT NULL,
    Period       BIGINT NOT NULL,
    GrainHash    INT NOT NULL,
    Version      INT NOT NULL,

    PRIMARY KEY (ServiceId, GrainId, ReminderName),
    -- Range reads (ReadRangeRows1Key / ReadRangeRows2Key) filter on the hash within a service.
    KEY IX_OrleansReminders_Hash (ServiceId, GrainHash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER $$

-- Inserts a reminder (version 0) or replaces its schedule (version + 1). Returns one row with
-- one column, Version: the new ETag.
CREATE PROCEDURE orleans_reminder_upsert(
    IN p_service_id    VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_grain_id      VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_reminder_name VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_start_time    DATETIME(6),
    IN p_period_ms     BIGINT,
    IN p_grain_hash    INT
)
BEGIN
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    -- The upsert locks the row until COMMIT, so the version read back is the one written here.
    START TRANSACTION;

    INSERT INTO OrleansRemindersTable
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES
        (p_service_id, p_grain_id, p_reminder_name, p_start_time, p_period_ms, p_grain_hash, 0)
    ON DUPLICATE KEY UPDATE
        StartTime = p_start_time,
        Period = p_period_ms,
        GrainHash = p_grain_hash,
        Version = Version + 1;

    SELECT Version
    FROM OrleansRemindersTable
    WHERE ServiceId = p_service_id
      AND GrainId = p_grain_id
      AND ReminderName = p_reminder_name;

    COMMIT;
END$$

-- Deletes one reminder if its version is still the given ETag. Returns one column: 1 if deleted.
CREATE PROCEDURE orleans_reminder_delete(
    IN p_service_id       VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_grain_id         VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_reminder_name    VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_expected_version INT
)
BEGIN
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = p_service_id
      AND GrainId = p_grain_id
      AND ReminderName = p_reminder_name
      AND Version = p_expected_version;

    SELECT ROW_COUNT() > 0 AS Deleted;
END$$

DELIMITER ;

-- Reads return GrainId, ReminderName, StartTime, Period and Version by name.
-- Ranges: Orleans uses Rows1 when (int)BeginHash < (int)EndHash, the interval (Begin, End],
-- and Rows2 otherwise, the ring wrapping past the largest INT: (Begin, max] plus [min, End].
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadReminderRowsKey',
    'SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainId = @GrainId'
),
(
    'ReadReminderRowKey',
    'SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainId = @GrainId
      AND ReminderName = @ReminderName'
),
(
    'ReadRangeRows1Key',
    'SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainHash > @BeginHash
      AND GrainHash <= @EndHash'
),
(
    'ReadRangeRows2Key',
    'SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND (GrainHash > @BeginHash OR GrainHash <= @EndHash)'
),
(
    'UpsertReminderRowKey',
    'CALL orleans_reminder_upsert(@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash)'
),
(
    'DeleteReminderRowKey',
    'CALL orleans_reminder_delete(@ServiceId, @GrainId, @ReminderName, @Version)'
),
(
    'DeleteReminderRowsKey',
    'DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId'
);
