--fail=2:29: Syntax error at or near '1'
SELECT * FROM t WHERE a NOT 1;
