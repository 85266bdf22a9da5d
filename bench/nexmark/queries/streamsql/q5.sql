-- Nexmark q5, hot items: bids per auction in 10 s windows every 2 s, and the auctions at the
-- maximum of their window. EMIT FINAL gives one count per window, as Flink's window TVF does
-- (RETENTION: windows closed by a jump in event time are still emitted). The counts topic is
-- re-read as a windowed stream and re-keyed by (auction, window start): one record per key, so that
-- topic is also a table of the counts. The auctions at their window's maximum come from a
-- foreign-key table join of that table to the per-window maximum, so the result is right whichever
-- side arrives first (a stream-table join would race the maximum it is derived from).
CREATE TABLE q5_counts WITH (kafka_topic='q5_counts', value_format='JSON') AS
  SELECT auction, COUNT(*) AS num FROM bid
  WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 2 SECONDS, RETENTION 2 HOURS)
  GROUP BY auction EMIT FINAL;
CREATE STREAM q5_counts_raw (auction BIGINT KEY, num BIGINT)
  WITH (kafka_topic='q5_counts', value_format='JSON', window_type='HOPPING', window_size='10 SECONDS');
CREATE STREAM q5_counts_stream WITH (kafka_topic='q5_counts_by_window', key_format='JSON') AS
  SELECT auction, WINDOWSTART AS starttime, num, AS_VALUE(WINDOWSTART) AS wstart
  FROM q5_counts_raw PARTITION BY auction, WINDOWSTART;
CREATE TABLE q5_counts_by_window (auction BIGINT PRIMARY KEY, starttime BIGINT PRIMARY KEY, num BIGINT, wstart BIGINT)
  WITH (kafka_topic='q5_counts_by_window', key_format='JSON', value_format='JSON');
CREATE TABLE q5_max AS
  SELECT wstart AS starttime, MAX(num) AS maxn FROM q5_counts_stream GROUP BY wstart;
CREATE TABLE nexmark_q5 AS
  SELECT C.auction AS auction, C.starttime AS starttime, C.num AS num
  FROM q5_counts_by_window C JOIN q5_max M ON C.wstart = M.starttime
  WHERE C.num >= M.maxn;
SELECT auction, num FROM nexmark_q5;
