-- Nexmark q0, pass-through. The last statement reads the results back (not timed).
CREATE STREAM nexmark_q0 AS SELECT auction, bidder, price, dateTime, extra FROM bid;
SELECT auction, bidder, price, dateTime, extra FROM nexmark_q0;
