--fail=2:8: Unterminated string literal
SELECT 'abc FROM t;
