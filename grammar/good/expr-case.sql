SELECT
  CASE WHEN a < 0 THEN 'neg' WHEN a = 0 THEN 'zero' ELSE 'pos' END AS sign,
  CASE b WHEN 1 THEN 'one' WHEN 2 THEN 'two' END AS name
FROM t;
