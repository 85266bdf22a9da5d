-- Nexmark q7, highest bid: the maximum price of each 10 s tumbling window, then the bids of
-- that window at that price (Flink's regular join plus its BETWEEN bound the same pairs).
CREATE TABLE q7_max WITH (kafka_topic='q7_max', value_format='JSON') AS
  SELECT 1 AS one, MAX(price) AS maxprice FROM bid
  WINDOW TUMBLING (SIZE 10 SECONDS, RETENTION 2 HOURS) GROUP BY 1 EMIT FINAL;
CREATE STREAM q7_max_raw (one INT KEY, maxprice BIGINT)
  WITH (kafka_topic='q7_max', value_format='JSON', window_type='TUMBLING', window_size='10 SECONDS');
CREATE STREAM q7_max_stream AS
  SELECT maxprice, WINDOWEND AS wend FROM q7_max_raw PARTITION BY maxprice;
CREATE STREAM nexmark_q7 AS
  SELECT B.auction AS auction, B.price AS price, B.bidder AS bidder, B.dateTime AS dateTime, B.extra AS extra
  FROM bid B JOIN q7_max_stream M WITHIN 20 SECONDS ON B.price = M.maxprice
  WHERE UNIX_TIMESTAMP(B.dateTime) BETWEEN M.wend - 10000 AND M.wend;
SELECT auction, price, bidder, dateTime, extra FROM nexmark_q7;
