--fail=2:10: Unexpected character '#'
SELECT a # b FROM t;
