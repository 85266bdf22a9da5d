-- Nexmark q8, new users who opened an auction in the 10 s window they registered in. A join of
-- two windowed aggregates in Flink; here a windowed stream-stream join on the same window start,
-- then a GROUP BY to keep each (person, window) once, as Flink's GROUP BY does.
CREATE STREAM q8_sellers AS
  SELECT P.id AS id, P.name AS name, (UNIX_TIMESTAMP(P.dateTime) / 10000) * 10000 AS starttime
  FROM person P JOIN auction A WITHIN 10 SECONDS ON P.id = A.seller
  WHERE UNIX_TIMESTAMP(P.dateTime) / 10000 = UNIX_TIMESTAMP(A.dateTime) / 10000;
CREATE TABLE nexmark_q8 WITH (key_format='JSON') AS
  SELECT id, name, starttime, COUNT(*) AS auctions FROM q8_sellers GROUP BY id, name, starttime;
SELECT id, name, starttime FROM nexmark_q8;
