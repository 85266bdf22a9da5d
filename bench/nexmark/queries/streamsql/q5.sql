-- Nexmark q5, hot items: bids per auction in 10 s windows every 2 s, and the auctions at the
-- maximum of their window. EMIT FINAL gives one count per window, as Flink's window TVF does;
-- the counts topic is re-read as a (windowed) stream to take the per-window maximum.
CREATE TABLE q5_counts WITH (kafka_topic='q5_counts', value_format='JSON') AS
  SELECT auction, COUNT(*) AS num FROM bid
  WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 2 SECONDS)
  GROUP BY auction EMIT FINAL;
CREATE STREAM q5_counts_raw (auction BIGINT KEY, num BIGINT)
  WITH (kafka_topic='q5_counts', value_format='JSON', window_type='HOPPING', window_size='10 SECONDS');
CREATE STREAM q5_counts_stream AS
  SELECT auction, num, WINDOWSTART AS starttime, WINDOWEND AS endtime FROM q5_counts_raw;
CREATE TABLE q5_max AS
  SELECT starttime, MAX(num) AS maxn FROM q5_counts_stream GROUP BY starttime;
CREATE STREAM nexmark_q5 AS
  SELECT C.starttime AS starttime, C.auction AS auction, C.num AS num
  FROM q5_counts_stream C JOIN q5_max M ON C.starttime = M.starttime
  WHERE C.num >= M.maxn;
SELECT auction, num FROM nexmark_q5;
