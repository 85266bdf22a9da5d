SELECT * FROM t
WHERE a + b * c > d || e
  AND NOT f IS NULL
  OR g BETWEEN h AND i AND j IN (k, l + 1)
  OR m NOT LIKE n || '%';
