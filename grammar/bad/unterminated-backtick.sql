--fail=2:8: Unterminated quoted identifier
SELECT `abc FROM t;
