-- Nexmark q4, average winning price per category: a chain, since one ksqlDB statement cannot
-- aggregate an aggregate. The join window only has to cover an auction's length (at most twice
-- the event time of numInFlightAuctions auctions: well under a minute at the default rate).
-- Flink's AVG over BIGINT is BIGINT (truncating), hence SUM / COUNT in BIGINT.
CREATE STREAM q4_auction_bids AS
  SELECT A.id AS id, A.category AS category, B.price AS price
  FROM bid B JOIN auction A WITHIN 1 MINUTE ON B.auction = A.id
  WHERE B.dateTime BETWEEN A.dateTime AND A.expires;
CREATE TABLE q4_winning_bids WITH (key_format='JSON') AS
  SELECT id, category, MAX(price) AS final FROM q4_auction_bids GROUP BY id, category;
CREATE TABLE nexmark_q4 AS
  SELECT category, SUM(final) / COUNT(final) AS avg_final FROM q4_winning_bids GROUP BY category;
SELECT category, avg_final FROM nexmark_q4;
