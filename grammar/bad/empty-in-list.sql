--fail=2:29: Syntax error at or near ')'
SELECT * FROM t WHERE a IN ();
