-- Finding a certificate by a part of its holder's name ("van an" finds "Nguyễn Văn An") read
-- every certificate row: seconds at national scale. A trigram index answers LIKE '%…%' instead:
-- an FTS5 trigram table kept by triggers on SQLite, a pg_trgm GIN index on PostgreSQL.
${certificate_search_index}
