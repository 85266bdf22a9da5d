SELECT UCASE(name), substring(name, 1, 3), COUNT(*), count(DISTINCT userid),
  TIMESTAMPTOSTRING(ROWTIME, 'yyyy-MM-dd'), ABS(-1), NOW() FROM t;
