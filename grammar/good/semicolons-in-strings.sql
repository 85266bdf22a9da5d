SELECT 'a;b', `c;d` FROM t WHERE e = ';';
INSERT INTO t (s) VALUES ('--not a comment; /* nor this */');
