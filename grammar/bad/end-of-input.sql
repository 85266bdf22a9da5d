--fail=2:14: Syntax error at end of input
SELECT * FROM