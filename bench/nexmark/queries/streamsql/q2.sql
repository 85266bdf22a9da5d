-- Nexmark q2, selection: ksqlDB has no MOD function; `%` is the same on these positive ids.
CREATE STREAM nexmark_q2 AS SELECT auction, price FROM bid WHERE auction % 123 = 0;
SELECT auction, price FROM nexmark_q2;
