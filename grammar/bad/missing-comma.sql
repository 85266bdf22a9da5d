--fail=2:12: extraneous input 'c' expecting 'FROM'
SELECT a b c FROM t;
