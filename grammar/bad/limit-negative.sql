--fail=2:23: LIMIT must be a non-negative integer
SELECT * FROM t LIMIT -1;
