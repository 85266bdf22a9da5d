-- Nexmark q5, hot items: bids per auction in 10 s windows every 2 s, and the auctions at the
-- maximum of their window. EMIT FINAL gives one count per window, as Flink's window TVF does
-- (RETENTION: windows closed by a jump in event time are still emitted); the counts topic is
-- re-read as a windowed stream, then kept as a table per (auction, window) and joined to the
-- per-window maximum by a foreign-key table join, so the result is right whichever side arrives
-- first (a stream-table join would race the maximum it is derived from).
CREATE TABLE q5_counts WITH (kafka_topic='q5_counts', value_format='JSON') AS
  SELECT auction, COUNT(*) AS num FROM bid
  WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 2 SECONDS, RETENTION 2 HOURS)
  GROUP BY auction EMIT FINAL;
CREATE STREAM q5_counts_raw (auction BIGINT KEY, num BIGINT)
  WITH (kafka_topic='q5_counts', value_format='JSON', window_type='HOPPING', window_size='10 SECONDS');
CREATE STREAM q5_counts_stream AS
  SELECT auction, num, WINDOWSTART AS starttime FROM q5_counts_raw PARTITION BY auction;
CREATE TABLE q5_counts_by_window WITH (key_format='JSON') AS
  SELECT auction, starttime, AS_VALUE(starttime) AS wstart, LATEST_BY_OFFSET(num) AS num
  FROM q5_counts_stream GROUP BY auction, starttime;
CREATE TABLE q5_max AS
  SELECT starttime, MAX(num) AS maxn FROM q5_counts_stream GROUP BY starttime;
CREATE TABLE nexmark_q5 AS
  SELECT C.auction AS auction, C.starttime AS starttime, C.num AS num
  FROM q5_counts_by_window C JOIN q5_max M ON C.wstart = M.starttime
  WHERE C.num >= M.maxn;
SELECT auction, num FROM nexmark_q5;
