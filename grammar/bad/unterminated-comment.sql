--fail=2:10: Unterminated comment
SELECT a /* never closed
FROM t;
