-- The retention job also deletes the Orleans snapshots of conversations whose turns have expired (the conversations
-- class, 365 days): DELETE FROM OrleansStorage WHERE GrainTypeString = 'conversation' AND ModifiedOn < cutoff
-- ORDER BY ModifiedOn LIMIT n. This index lets each batch read only the rows it deletes; Orleans' own lookups use the
-- GrainIdentity key and are unaffected.
--
-- IF NOT EXISTS keeps the file harmless when it is applied again by hand.

ALTER TABLE OrleansStorage
    ADD INDEX IF NOT EXISTS idx_type_modified (GrainTypeString, ModifiedOn);
