--fail=2:29: Syntax Error
SELECT * FROM t WHERE a = b = c;
