SELECT * FROM t WHERE name LIKE 'a%' AND name NOT LIKE '%b' AND code LIKE 'x!%%' ESCAPE '!';
