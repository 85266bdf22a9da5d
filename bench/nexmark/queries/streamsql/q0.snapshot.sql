-- q0 until CREATE STREAM AS SELECT runs: the same projection as a query scanning the stored topic.
SELECT auction, bidder, price, dateTime, extra FROM bid;
