--fail=2:16: missing ':=' at '1'
SELECT MAP('a' 1) FROM t;
