-- Nexmark q1, currency conversion: 0.908 is DECIMAL(3,3), so price becomes an exact DECIMAL as in Flink.
CREATE STREAM nexmark_q1 AS SELECT auction, bidder, 0.908 * price AS price, dateTime, extra FROM bid;
SELECT auction, bidder, price, dateTime, extra FROM nexmark_q1;
