--fail=5:12: Syntax error at or near '='
SELECT a,
       b
  FROM t
  WHERE a == 1;
